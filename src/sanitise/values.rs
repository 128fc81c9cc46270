//! Checks and repairs of attribute values: language tags, numbers, class lists, `srcset`.

use super::allowlist::{CODE_CLASS_PREFIXES, MATHML_LENGTH_KEYWORDS, OWN_CLASSES};
use crate::tunables::{
    MATH_MAX_LENGTH_EM, MATH_MAX_LENGTH_PERCENT, MATH_MAX_LENGTH_PX, MATH_MAX_SCRIPTLEVEL,
};
use crate::urls::{safe_url, BaseUrl, UrlKind};

pub(super) fn valid_lang(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 35
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A non-negative number (with a `%` when `percent` allows it), trimmed.
pub(super) fn number(v: &str, percent: bool) -> Option<String> {
    let t = v.trim();
    let digits = if percent {
        t.strip_suffix('%').unwrap_or(t)
    } else {
        t
    };
    let ok = !digits.is_empty()
        && digits.len() <= 9
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.');
    ok.then(|| t.to_string())
}

/// A MathML length kept only within bounds: a named space or keyword, or a number (signed,
/// perhaps unitless) in `em`/`ex`/`rem`, `px`/`pt` or `%` no larger than the tunables
/// [`MATH_MAX_LENGTH_EM`], [`MATH_MAX_LENGTH_PX`], [`MATH_MAX_LENGTH_PERCENT`]. Anything else
/// (other units, larger values, expressions) is dropped.
pub(super) fn math_length(v: &str) -> Option<String> {
    let t = v.trim().to_ascii_lowercase();
    if MATHML_LENGTH_KEYWORDS.contains(&t.as_str()) {
        return Some(t);
    }
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '+' | '-')))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    if number.len() > 12 {
        return None;
    }
    let n = decimal(number)?;
    let limit_ok = match unit.trim() {
        "" | "em" | "ex" | "rem" => n.abs() <= MATH_MAX_LENGTH_EM,
        "px" => n.abs() <= MATH_MAX_LENGTH_PX,
        "pt" => n.abs() * 4.0 / 3.0 <= MATH_MAX_LENGTH_PX,
        "%" => n.abs() <= MATH_MAX_LENGTH_PERCENT,
        _ => false,
    };
    limit_ok.then_some(t)
}

/// A decimal number (`[+-]digits[.digits]`, a few digits each side), parsed by hand: the
/// standard library's float parser adds kilobytes to the wasm.
fn decimal(s: &str) -> Option<f64> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (whole, fraction) = rest.split_once('.').unwrap_or((rest, ""));
    if (whole.is_empty() && fraction.is_empty())
        || whole.len() > 6
        || fraction.len() > 6
        || !whole
            .bytes()
            .chain(fraction.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut n = 0.0;
    for b in whole.bytes() {
        n = n * 10.0 + f64::from(b - b'0');
    }
    let mut scale = 1.0;
    for b in fraction.bytes() {
        scale /= 10.0;
        n += f64::from(b - b'0') * scale;
    }
    Some(if negative { -n } else { n })
}

/// A MathML `scriptlevel` (`n`, `+n` or `-n`) no larger than [`MATH_MAX_SCRIPTLEVEL`].
pub(super) fn math_scriptlevel(v: &str) -> Option<String> {
    let t = v.trim();
    let digits = t.trim_start_matches(['+', '-']);
    let ok = !digits.is_empty()
        && t.len() - digits.len() <= 1
        && digits.len() <= 3
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits
            .parse::<i64>()
            .is_ok_and(|n| n <= MATH_MAX_SCRIPTLEVEL);
    ok.then(|| t.to_string())
}

pub(super) fn integer(v: &str) -> Option<String> {
    let t = v.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let ok = !digits.is_empty() && digits.len() <= 9 && digits.chars().all(|c| c.is_ascii_digit());
    ok.then(|| t.to_string())
}

/// The class tokens we keep: highlighting languages on `code`/`pre`, and our own classes.
pub(super) fn classes(v: &str, element: &str) -> Option<String> {
    let code = element == "code" || element == "pre";
    let kept: Vec<&str> = v
        .split_ascii_whitespace()
        .filter(|t| {
            OWN_CLASSES.contains(t)
                || (code
                    && CODE_CLASS_PREFIXES.iter().any(|p| {
                        t.len() > p.len()
                            && t.starts_with(p)
                            && t.chars()
                                .all(|c| c.is_ascii_alphanumeric() || "-_+#.".contains(c))
                    }))
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
}

/// Each candidate of a `srcset` checked and resolved, descriptors kept when well-formed
/// (HTML's srcset parsing: a URL runs to whitespace, trailing commas end it; descriptors run to
/// the next comma).
pub(super) fn srcset(base: Option<&BaseUrl>, v: &str) -> Option<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = v;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == ',');
        if rest.is_empty() {
            break;
        }
        let end = rest
            .find(|c: char| c.is_ascii_whitespace())
            .unwrap_or(rest.len());
        let mut url = &rest[..end];
        rest = &rest[end..];
        let mut descriptor = "";
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
        } else {
            let d_end = rest.find(',').unwrap_or(rest.len());
            descriptor = rest[..d_end].trim();
            rest = &rest[d_end..];
        }
        let Some(safe) = safe_url(base, url, UrlKind::Media) else {
            continue;
        };
        let safe = safe.replace(' ', "%20");
        let valid_descriptor = descriptor.len() <= 16
            && descriptor.strip_suffix(['w', 'x', 'h']).is_some_and(|n| {
                !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.')
            });
        if valid_descriptor {
            out.push(format!("{safe} {descriptor}"));
        } else {
            out.push(safe);
        }
    }
    (!out.is_empty()).then(|| out.join(", "))
}
