//! The screen: `View` (what the operator is looking at: focus, drill path, filter, sort,
//! overlays) and how keys change it. Drawing lives in `render` and one module per region.

pub mod help;
pub mod iface_sort;
pub mod layout;
pub mod panes;
pub mod render;
pub mod side;
pub mod tables;
pub mod widgets;

use std::cell::Cell;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::alerts::Alert;
use super::probe::InterfaceHealth;
use super::regions::{self, Sort, SortKey};
use super::sort::Column;
use super::state::State;
use iface_sort::{IfaceKey, IfaceSort};

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
    /// Filters regions (every level below the drill level), interfaces and alerts.
    pub filter: String,
    pub editing_filter: bool,
    pub sort: Sort,
    /// The interface table's own sort (the sort keys act on the focused table).
    pub iface_sort: IfaceSort,
    pub help: bool,
    /// First help line shown.
    pub help_scroll: u16,
    /// The furthest the help can scroll at the last drawn size (set while drawing).
    pub help_max: Cell<u16>,
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
            return self.on_help_key(key);
        }
        match key.code {
            KeyCode::Esc if !self.filter.is_empty() => {
                self.filter.clear();
                self.region_sel = 0;
                self.iface_sel = 0;
                Action::Redraw
            }
            KeyCode::Char('q') | KeyCode::Esc => Action::Quit,
            KeyCode::Char('?') => {
                self.help = true;
                self.help_scroll = 0;
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
            KeyCode::Char('s') if self.focus == Pane::Interfaces => self.iface_sort_by(IfaceSort {
                key: self.iface_sort.key.next(),
                reversed: false,
            }),
            KeyCode::Char('S') if self.focus == Pane::Interfaces => {
                self.iface_sort_by(self.iface_sort.reverse())
            }
            KeyCode::Char(c @ '1'..='4') if self.focus == Pane::Interfaces => {
                let i = c as usize - '1' as usize;
                self.iface_sort_by(self.iface_sort.by(IfaceKey::ALL[i]))
            }
            KeyCode::Char('s') => self.sort_by(Sort {
                key: self.sort.key.next(),
                reversed: false,
            }),
            KeyCode::Char('S') => self.sort_by(self.sort.reverse()),
            KeyCode::Char(c @ '1'..='8') if self.focus != Pane::Interfaces => {
                let i = c as usize - '1' as usize;
                self.sort_by(self.sort.by(SortKey::ALL[i]))
            }
            KeyCode::Char('p') => {
                self.paused = !self.paused;
                Action::Pause(self.paused)
            }
            KeyCode::Char('r') => Action::Refresh,
            _ => Action::None,
        }
    }

    fn sort_by(&mut self, sort: Sort) -> Action {
        self.sort = sort;
        self.region_sel = 0;
        Action::Redraw
    }

    fn iface_sort_by(&mut self, sort: IfaceSort) -> Action {
        self.iface_sort = sort;
        self.iface_sel = 0;
        Action::Redraw
    }

    /// The sort the header shows: the focused table's (column name's catalog key, arrow).
    pub fn shown_sort(&self) -> (&'static str, &'static str) {
        if self.focus == Pane::Interfaces {
            (self.iface_sort.key.label_id(), self.iface_sort.arrow())
        } else {
            (self.sort.key.label_id(), self.sort.arrow())
        }
    }

    /// In the help: scroll keys scroll, q quits, any other key closes it.
    fn on_help_key(&mut self, key: KeyEvent) -> Action {
        let max = self.help_max.get();
        let to = |at: i64| at.clamp(0, i64::from(max)) as u16;
        let at = i64::from(self.help_scroll.min(max));
        self.help_scroll = match key.code {
            KeyCode::Up | KeyCode::Char('k') => to(at - 1),
            KeyCode::Down | KeyCode::Char('j') => to(at + 1),
            KeyCode::PageUp => to(at - 10),
            KeyCode::PageDown | KeyCode::Char(' ') => to(at + 10),
            KeyCode::Home | KeyCode::Char('g') => 0,
            KeyCode::End | KeyCode::Char('G') => max,
            KeyCode::Char('q') => return Action::Quit,
            _ => {
                self.help = false;
                return Action::Redraw;
            }
        };
        Action::Redraw
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
        self.iface_sel = 0;
        Action::Redraw
    }

    /// The filter as matched: trimmed and lowercased.
    pub fn needle(&self) -> String {
        self.filter.trim().to_lowercase()
    }

    /// The region rows the table shows.
    pub fn region_rows(&self, state: &State) -> Vec<regions::RegionRow> {
        regions::rows(state, self.parent(), &self.filter, self.sort)
    }

    /// The interfaces the pane shows: those whose id, dataset or provider (department)
    /// matches the filter, sorted (by default the ones in trouble first: a short pane shows
    /// what matters).
    pub fn interfaces<'a>(&self, state: &'a State) -> Vec<&'a InterfaceHealth> {
        let f = self.needle();
        let mut list: Vec<&InterfaceHealth> = state
            .interfaces
            .iter()
            .filter(|i| {
                f.is_empty()
                    || [&i.id, &i.dataset, &i.provider]
                        .iter()
                        .any(|t| t.to_lowercase().contains(&f))
            })
            .collect();
        iface_sort::sort(&mut list, self.iface_sort);
        list
    }

    /// The alerts the log shows: those whose text or interface matches the filter.
    pub fn alerts<'a>(&self, alerts: &'a [Alert]) -> Vec<&'a Alert> {
        let f = self.needle();
        alerts
            .iter()
            .filter(|a| {
                f.is_empty()
                    || a.message.to_lowercase().contains(&f)
                    || a.interface
                        .as_deref()
                        .is_some_and(|i| i.to_lowercase().contains(&f))
            })
            .collect()
    }

    fn move_sel(&mut self, by: i64, state: &State) -> Action {
        let (sel, len) = match self.focus {
            Pane::Regions => {
                let n = self.region_rows(state).len();
                (&mut self.region_sel, n)
            }
            Pane::Interfaces => {
                let n = self.interfaces(state).len();
                (&mut self.iface_sel, n)
            }
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
        let rows = self.region_rows(state);
        let Some(row) = rows.get(self.region_sel) else {
            return Action::None;
        };
        // A filtered row may lie several levels down: drill along its whole path.
        let mut path = regions::path_to(state, self.parent(), row.idx);
        if !row.has_children {
            if self.filter.is_empty() || path.len() < 2 {
                return Action::None;
            }
            // A matching leaf: go to its parent's level with it selected.
            path.pop();
        }
        self.drill.extend(path);
        self.filter.clear();
        let idx = row.idx;
        self.region_sel = self
            .region_rows(state)
            .iter()
            .position(|r| r.idx == idx)
            .unwrap_or(0);
        Action::Redraw
    }

    fn drill_up(&mut self, state: &State) -> Action {
        let Some(left) = self.drill.pop() else {
            return Action::None;
        };
        self.filter.clear();
        // Keep the region we came from selected.
        let rows = self.region_rows(state);
        self.region_sel = rows.iter().position(|r| r.idx == left).unwrap_or(0);
        Action::Redraw
    }
}
