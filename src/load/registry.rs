//! The one loader of sharing registries: the YAML/CSV/JSON registry of DESIGN.md, or an open
//! data portal's own catalog — a CKAN API response or a DCAT(-AP) JSON-LD catalog.

use super::{LoadOptions, Source};
use crate::error::Result;
use crate::model::Interface;

#[derive(Debug, Clone)]
pub struct Registry {
    /// The name shown in messages and finding locations (URLs redacted).
    pub name: String,
    pub interfaces: Vec<Interface>,
    /// Read from an open-data catalog (CKAN, DCAT): no consumers are declared there, so
    /// orphan and graph checks do not apply.
    pub open_data: Option<&'static str>,
}

/// Is `src` possibly an open-data catalog (JSON we should look inside first)?
fn maybe_open_data(src: &Source) -> bool {
    match src {
        Source::Url(u) => {
            u.contains("package_search")
                || u.contains("package_show")
                || matches!(src.extension().as_deref(), Some("json" | "jsonld"))
        }
        Source::File(_) => matches!(src.extension().as_deref(), Some("json" | "jsonld")),
        _ => false,
    }
}

/// Load a registry from a file, `-` or URL (an open-data catalog when it is one).
pub fn read_registry(src: impl Into<Source>, opts: &LoadOptions) -> Result<Registry> {
    let source: Source = src.into();
    let name = source.name();
    if maybe_open_data(&source) {
        let text = source.read_document(&opts.limits, opts.encoding)?;
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            if super::ckan::looks_like(&v) {
                return Ok(Registry {
                    name,
                    interfaces: super::ckan::interfaces(&v),
                    open_data: Some("ckan"),
                });
            }
            if super::dcat::looks_like(&v) {
                return Ok(Registry {
                    name,
                    interfaces: super::dcat::interfaces(&v),
                    open_data: Some("dcat"),
                });
            }
        }
    }
    let interfaces = super::typed::read_registry_rows(source, opts)?;
    Ok(Registry {
        name,
        interfaces,
        open_data: None,
    })
}
