//! Library errors. Every one of them means "nothing was judged": the binary prints the message
//! and exits 2. Findings are not errors; they are the report.

use std::fmt;
use std::path::PathBuf;

/// Where in an input a problem is. Printed as `file:line:column`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Position {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

/// The details of `Error::Field` (boxed: errors stay small on the happy path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub at: Position,
    pub field: String,
    pub expected: String,
    pub found: String,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A value in an input is not what its field needs.
    #[error("{}", crate::tr!("err-field", at = .0.at.to_string(), field = &.0.field, expected = &.0.expected, found = &.0.found))]
    Field(Box<FieldError>),

    /// An input cannot be parsed at all (bad CSV quoting, invalid JSON, ...).
    #[error("{at}: {message}")]
    Parse { at: Position, message: String },

    /// A required column is absent from the header.
    #[error("{}", crate::tr!("err-missing-column", file = file, field = field, found = found))]
    MissingColumn {
        file: String,
        field: String,
        found: String,
    },

    /// An input, record or field is larger than a limit of `load::Limits`.
    #[error("{}", crate::tr!("err-too-large", at = at.to_string(), what = what, limit = *limit, env = *env, key = crate::load::source::profile_key(env)))]
    TooLarge {
        at: Position,
        what: String,
        limit: u64,
        env: &'static str,
    },

    #[error("{path}: {}", io_message(source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("{url}: {message}")]
    Http { url: String, message: String },

    /// A profile has one or more problems; each is already formatted with its position.
    #[error("{}\n{}", crate::tr!("err-profile", name = name, n = problems.len()), problems.join("\n"))]
    Profile { name: String, problems: Vec<String> },

    #[error("{0}")]
    Usage(String),

    /// `--output` names an input, the profile or stdin's file (compared by device and inode).
    #[error("{}", crate::tr!("err-output-is-input", path = path.display().to_string(), input = input))]
    OutputIsInput { path: PathBuf, input: String },

    #[error("{0}")]
    Other(String),
}

impl Error {
    pub fn io(path: impl fmt::Display, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_string(),
            source,
        }
    }

    pub fn usage(msg: impl Into<String>) -> Self {
        Error::Usage(msg.into())
    }

    pub fn field(
        at: Position,
        field: impl Into<String>,
        expected: impl Into<String>,
        found: impl fmt::Display,
    ) -> Self {
        Error::Field(Box::new(FieldError {
            at,
            field: field.into(),
            expected: expected.into(),
            found: crate::report::sanitize::quote_found(&found.to_string()),
        }))
    }
}

/// An I/O error as people read it: the common kinds in the chosen language, the system's
/// text otherwise.
fn io_message(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let key = match e.kind() {
        ErrorKind::NotFound => "err-io-not-found",
        ErrorKind::PermissionDenied => "err-io-permission",
        ErrorKind::AlreadyExists => "err-io-exists",
        ErrorKind::IsADirectory => "err-io-is-dir",
        _ => return e.to_string(),
    };
    crate::report::i18n::t(key)
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
