//! Site rules: a person's corrections for one site ("always keep this block", "always remove
//! this one"), read from one versioned JSON format (`docs/site-rules.md`) that the CLI
//! (`--rules FILE`), the extension's storage and its options page share.
//!
//! A rule names a block by its signature ([`crate::blocks::Paths::signature`]): tags, ids, class
//! tokens and positions among siblings along its path, never its text, so it survives reloads
//! and edits of the article. The file is validated as a whole and refused as a whole: a file
//! that is not JSON, of another format or version, over [`SITE_RULES_MAX_BYTES`] or
//! [`SITE_RULES_MAX_RULES`], or with one malformed rule changes nothing.

use crate::error::Error;
use crate::json::Value;
use crate::tunables::{SITE_RULES_MAX_BYTES, SITE_RULES_MAX_RULES, SITE_RULE_MAX_SIGNATURE_BYTES};
use serde::Serialize;

/// The `format` field every site rules file carries.
pub const SITE_RULES_FORMAT: &str = "lectern-site-rules";

/// The version of the site rules format this engine reads and writes.
pub const SITE_RULES_VERSION: u64 = 1;

/// What a site rule does with its block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SiteAction {
    /// The block stays in the article: restored after cleaning if the engine removed it.
    Keep,
    /// The block goes before scoring, by the rule `site-rule`.
    Remove,
}

/// One rule: on pages of `host`, keep or remove the block with `signature`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SiteRule {
    /// The site, lowercase, without a leading `www.` (`example.com`); the rule applies to pages
    /// whose address has this host (with or without `www.`).
    pub host: String,
    /// Keep or remove.
    pub action: SiteAction,
    /// The block's signature, as [`crate::RemovedBlock::signature`] gives it.
    pub signature: String,
}

/// A list of site rules. Default: none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteRules {
    /// The rules, in the file's order.
    pub rules: Vec<SiteRule>,
}

fn invalid(why: impl Into<String>) -> Error {
    Error::InvalidRules(why.into())
}

/// `host` lowercased and without a leading `www.`; `None` unless it is a plausible host name
/// (letters, digits, `-` and `.`, 1 to 253 characters).
fn normal_host(host: &str) -> Option<String> {
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let ok = !host.is_empty()
        && host.len() <= 253
        && !host.starts_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
    ok.then(|| host.to_string())
}

/// The host of a page address (`https://www.Example.com:8080/a` → `example.com`), as rules name
/// it.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    normal_host(authority.split(':').next()?)
}

fn rule_from(value: &Value, n: usize) -> Result<SiteRule, Error> {
    let at = |why: &str| invalid(format!("rule {n}: {why}"));
    let members = value.as_object().ok_or_else(|| at("not an object"))?;
    if let Some((key, _)) = members
        .iter()
        .find(|(k, _)| !["host", "action", "signature"].contains(&k.as_str()))
    {
        return Err(at(&format!("unknown key {key:?}")));
    }
    let text = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .ok_or_else(|| at(&format!("\"{key}\" must be a string")))
    };
    let host = normal_host(text("host")?).ok_or_else(|| at("\"host\" is not a host name"))?;
    let action = match text("action")? {
        "keep" => SiteAction::Keep,
        "remove" => SiteAction::Remove,
        _ => return Err(at("\"action\" must be \"keep\" or \"remove\"")),
    };
    let signature = text("signature")?;
    if signature.is_empty()
        || signature.len() > SITE_RULE_MAX_SIGNATURE_BYTES
        || signature.chars().any(char::is_control)
    {
        return Err(at(
            "\"signature\" is empty, too long or holds control characters",
        ));
    }
    Ok(SiteRule {
        host,
        action,
        signature: signature.to_string(),
    })
}

impl SiteRules {
    /// Reads a site rules file (`docs/site-rules.md`): an object with `"format":
    /// "lectern-site-rules"`, `"version": 1` and `"rules"`, a list of `{"host", "action":
    /// "keep"|"remove", "signature"}`. Returns [`Error::InvalidRules`] saying what is wrong for
    /// anything else; nothing of a refused file is used.
    pub fn from_json(text: &str) -> Result<SiteRules, Error> {
        if text.len() > SITE_RULES_MAX_BYTES {
            return Err(invalid(format!(
                "the file is larger than {SITE_RULES_MAX_BYTES} bytes"
            )));
        }
        let object = Value::parse(text).ok_or_else(|| invalid("the file is not JSON"))?;
        if object.as_object().is_none()
            || object.get("format").and_then(Value::as_str) != Some(SITE_RULES_FORMAT)
        {
            return Err(invalid("not a Lectern site rules file"));
        }
        match object.get("version").and_then(Value::as_u64) {
            Some(SITE_RULES_VERSION) => {}
            _ => {
                return Err(invalid(format!(
                    "unsupported version (this Lectern reads version {SITE_RULES_VERSION})"
                )))
            }
        }
        let list = object
            .get("rules")
            .and_then(Value::as_array)
            .ok_or_else(|| invalid("\"rules\" must be a list"))?;
        if list.len() > SITE_RULES_MAX_RULES {
            return Err(invalid(format!("more than {SITE_RULES_MAX_RULES} rules")));
        }
        let mut rules = Vec::with_capacity(list.len());
        for (i, value) in list.iter().enumerate() {
            rules.push(rule_from(value, i + 1)?);
        }
        Ok(SiteRules { rules })
    }

    /// The rules for pages of `host` (as [`host_of`] gives it), with their positions.
    pub(crate) fn for_host<'a>(
        &'a self,
        host: Option<&'a str>,
    ) -> impl Iterator<Item = (usize, &'a SiteRule)> + 'a {
        self.rules
            .iter()
            .enumerate()
            .filter(move |(_, r)| Some(r.host.as_str()) == host)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_are_compared_without_www_case_port_or_user() {
        assert_eq!(
            host_of("https://user@WWW.Example.com:8080/a?b#c").as_deref(),
            Some("example.com")
        );
        assert_eq!(host_of("file:///tmp/a.html"), None);
        assert_eq!(host_of("not a url"), None);
    }
}
