//! Line and column of every key in a YAML document, by dotted path (`audit.threshold`,
//! `interfaces.3.url`), so that problems found on the parsed value can point at the text. The
//! parser is serde-saphyr's own (re-exported), the one that parses the value.

use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Parser, Span, SpannedEventReceiver};

/// 1-based line and column.
pub type LineCol = (u64, u64);

enum Frame {
    Map { path: String, key: Option<String> },
    Seq { path: String, index: usize },
}

#[derive(Default)]
struct Collector {
    stack: Vec<Frame>,
    positions: HashMap<String, LineCol>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Collector {
    /// The path of the node that starts now, and advance the parent's state.
    fn enter_value(&mut self) -> Option<String> {
        match self.stack.last_mut() {
            None => Some(String::new()),
            Some(Frame::Map { path, key }) => key.take().map(|k| join(path, &k)),
            Some(Frame::Seq { path, index }) => {
                let p = join(path, &index.to_string());
                *index += 1;
                Some(p)
            }
        }
    }

    fn is_key_position(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { key: None, .. }))
    }
}

impl<'input> SpannedEventReceiver<'input> for Collector {
    fn on_event(&mut self, ev: Event<'input>, span: Span) {
        let mark = span.start;
        let at = (mark.line() as u64, mark.col() as u64 + 1);
        match ev {
            Event::Scalar(text, ..) => {
                if self.is_key_position() {
                    if let Some(Frame::Map { path, key }) = self.stack.last_mut() {
                        let p = join(path, &text);
                        self.positions.insert(p, at);
                        *key = Some(text.into_owned());
                    }
                } else if let Some(p) = self.enter_value() {
                    self.positions.entry(p).or_insert(at);
                }
            }
            Event::Alias(_) => {
                if self.is_key_position() {
                    if let Some(Frame::Map { key, .. }) = self.stack.last_mut() {
                        *key = Some("*alias".into());
                    }
                } else {
                    self.enter_value();
                }
            }
            Event::MappingStart(..) => {
                let path = self.enter_value().unwrap_or_default();
                self.positions.entry(path.clone()).or_insert(at);
                self.stack.push(Frame::Map { path, key: None });
            }
            Event::SequenceStart(..) => {
                let path = self.enter_value().unwrap_or_default();
                self.positions.entry(path.clone()).or_insert(at);
                self.stack.push(Frame::Seq { path, index: 0 });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
            }
            _ => {}
        }
    }
}

/// Positions of every key and value by dotted path. Returns an empty map for text the YAML
/// parser rejects (the caller reports the syntax error from its own parse).
pub fn positions(text: &str) -> HashMap<String, LineCol> {
    let mut c = Collector::default();
    let mut parser = Parser::new_from_str(text);
    if parser.load(&mut c, false).is_err() {
        return c.positions;
    }
    c.positions
}

/// The position of `path`, or of its nearest ancestor that has one.
pub fn nearest(positions: &HashMap<String, LineCol>, path: &str) -> Option<LineCol> {
    let mut p = path;
    loop {
        if let Some(lc) = positions.get(p) {
            return Some(*lc);
        }
        match p.rfind('.') {
            Some(i) => p = &p[..i],
            None => return positions.get("").copied(),
        }
    }
}
