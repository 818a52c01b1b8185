//! The screen: `View` (what the operator is looking at: focus, drill path, filter, sort,
//! overlays) and how keys change it. Drawing lives in `render` and one module per region.

pub mod panes;
pub mod render;
pub mod widgets;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::regions::{self, SortKey};
use super::state::State;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Regions,
    Interfaces,
    Log,
}

#[derive(Debug, Clone, Default)]
pub struct View {
    pub focus: Pane,
    /// Drill path: region indices from the top level down.
    pub drill: Vec<usize>,
    pub region_sel: usize,
    pub iface_sel: usize,
    /// Lines scrolled back from the newest in the log pane.
    pub log_scroll: usize,
    pub filter: String,
    pub editing_filter: bool,
    pub sort: SortKey,
    pub help: bool,
    pub paused: bool,
    /// A `--once` frame: the header says so instead of LIVE.
    pub snapshot: bool,
}

/// What the event loop must do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    None,
    Redraw,
    Quit,
    Refresh,
    /// Pause (true) or resume ingestion.
    Pause(bool),
}

impl View {
    pub fn parent(&self) -> Option<usize> {
        self.drill.last().copied()
    }

    pub fn on_key(&mut self, key: KeyEvent, state: &State) -> Action {
        if key.kind == KeyEventKind::Release {
            return Action::None;
        }
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Action::Quit;
        }
        if self.editing_filter {
            return self.on_filter_key(key);
        }
        if self.help {
            // Any key closes the overlay; q still quits.
            self.help = false;
            return match key.code {
                KeyCode::Char('q') => Action::Quit,
                _ => Action::Redraw,
            };
        }
        match key.code {
            KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
            KeyCode::Char('?') => {
                self.help = true;
                Action::Redraw
            }
            KeyCode::Tab => {
                self.focus = match self.focus {
                    Pane::Regions => Pane::Interfaces,
                    Pane::Interfaces => Pane::Log,
                    Pane::Log => Pane::Regions,
                };
                Action::Redraw
            }
            KeyCode::BackTab => {
                self.focus = match self.focus {
                    Pane::Regions => Pane::Log,
                    Pane::Interfaces => Pane::Regions,
                    Pane::Log => Pane::Interfaces,
                };
                Action::Redraw
            }
            KeyCode::Up | KeyCode::Char('k') => self.move_sel(-1, state),
            KeyCode::Down | KeyCode::Char('j') => self.move_sel(1, state),
            KeyCode::PageUp => self.move_sel(-10, state),
            KeyCode::PageDown => self.move_sel(10, state),
            KeyCode::Home => self.move_sel(-1_000_000, state),
            KeyCode::End => self.move_sel(1_000_000, state),
            KeyCode::Enter | KeyCode::Right => self.drill_down(state),
            KeyCode::Backspace | KeyCode::Left => self.drill_up(state),
            KeyCode::Char('/') => {
                self.editing_filter = true;
                Action::Redraw
            }
            KeyCode::Char('s') => {
                self.sort = self.sort.next();
                self.region_sel = 0;
                Action::Redraw
            }
            KeyCode::Char('p') => {
                self.paused = !self.paused;
                Action::Pause(self.paused)
            }
            KeyCode::Char('r') => Action::Refresh,
            _ => Action::None,
        }
    }

    fn on_filter_key(&mut self, key: KeyEvent) -> Action {
        match key.code {
            KeyCode::Enter => self.editing_filter = false,
            KeyCode::Esc => {
                self.editing_filter = false;
                self.filter.clear();
            }
            KeyCode::Backspace => {
                self.filter.pop();
            }
            KeyCode::Char(c) if !c.is_control() && self.filter.chars().count() < 40 => {
                self.filter.push(c)
            }
            _ => return Action::None,
        }
        self.region_sel = 0;
        Action::Redraw
    }

    fn move_sel(&mut self, by: i64, state: &State) -> Action {
        let (sel, len) = match self.focus {
            Pane::Regions => (
                &mut self.region_sel,
                regions::rows(state, self.drill.last().copied(), &self.filter, self.sort).len(),
            ),
            Pane::Interfaces => (&mut self.iface_sel, state.interfaces.len()),
            Pane::Log => {
                // The log scrolls back from the newest line.
                let len = state.malformed.len() + state.notes.len();
                let back = (self.log_scroll as i64 - by).clamp(0, len as i64);
                self.log_scroll = back as usize;
                return Action::Redraw;
            }
        };
        let max = len.saturating_sub(1) as i64;
        *sel = (*sel as i64 + by).clamp(0, max) as usize;
        Action::Redraw
    }

    fn drill_down(&mut self, state: &State) -> Action {
        if self.focus != Pane::Regions {
            return Action::None;
        }
        let rows = regions::rows(state, self.parent(), &self.filter, self.sort);
        match rows.get(self.region_sel) {
            Some(row) if row.has_children => {
                self.drill.push(row.idx);
                self.region_sel = 0;
                self.filter.clear();
                Action::Redraw
            }
            _ => Action::None,
        }
    }

    fn drill_up(&mut self, state: &State) -> Action {
        let Some(left) = self.drill.pop() else {
            return Action::None;
        };
        self.filter.clear();
        // Keep the region we came from selected.
        let rows = regions::rows(state, self.parent(), "", self.sort);
        self.region_sel = rows.iter().position(|r| r.idx == left).unwrap_or(0);
        Action::Redraw
    }
}
