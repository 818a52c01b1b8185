//! The ids of the rules `govops sharing` judges by, as its checks name them. What each rule is
//! — severity, title, explanation, remedy, example — is in the one registry, [`crate::rules`].

pub use crate::rules::ids::sharing::*;
