//! Text comparisons shared by the stages: how alike two strings read.

/// Readability's similarity: the share of `b`'s words (by length) that also occur in `a`
/// (words as in its `\W+` split: letters, digits and `_`).
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let uniq_len =
        uniq.iter().map(|t| t.chars().count()).sum::<usize>() + uniq.len().saturating_sub(1);
    let total = tb.iter().map(|t| t.chars().count()).sum::<usize>() + tb.len() - 1;
    1.0 - uniq_len as f64 / total as f64
}
