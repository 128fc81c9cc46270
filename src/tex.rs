//! Part of preparing: TeX math as MathML the reader can show. MathJax 2 keeps a formula's TeX in
//! `<script type="math/tex">` (the tokenizer keeps those scripts' text for this), and sites put
//! formulas as images whose `alt` is their LaTeX; both become `<math>` with the TeX kept in
//! `alttext` (and in the Markdown, as `$…$`).
//!
//! The converter covers the TeX that articles use most: letters, numbers and operators,
//! groups, `^` and `_`, `\frac`, `\sqrt`, `\text`, `\left`/`\right`, Greek letters and common
//! symbols ([`SYMBOLS`]). A command it does not know is shown as its name. It writes MathML
//! markup, escaped, which the article's own parser reads: no element is built by hand in the
//! wrong namespace, and the sanitiser checks the result like any other MathML.

use crate::tunables::{TEX_MAX_CHARS, TEX_MAX_DEPTH};

/// The symbols a command names, as `name:x` (an identifier, `mi`) or `name=x` (an operator,
/// `mo`), separated by spaces: one string rather than a table of pairs, which would take
/// twice the room in the wasm.
const SYMBOLS: &str = "alpha:α beta:β gamma:γ delta:δ epsilon:ϵ varepsilon:ε zeta:ζ eta:η theta:θ iota:ι kappa:κ lambda:λ mu:μ nu:ν xi:ξ pi:π rho:ρ sigma:σ tau:τ upsilon:υ phi:ϕ varphi:φ chi:χ psi:ψ omega:ω Gamma:Γ Delta:Δ Theta:Θ Lambda:Λ Xi:Ξ Pi:Π Sigma:Σ Phi:Φ Psi:Ψ Omega:Ω infty:∞ partial:∂ nabla:∇ ell:ℓ hbar:ℏ sum=∑ prod=∏ int=∫ oint=∮ cdot=⋅ times=× div=÷ pm=± mp=∓ leq=≤ le=≤ geq=≥ ge=≥ neq=≠ ne=≠ approx=≈ sim=∼ equiv=≡ propto=∝ to=→ rightarrow=→ leftarrow=← Rightarrow=⇒ Leftrightarrow=⇔ mapsto=↦ in=∈ notin=∉ subset=⊂ subseteq=⊆ cup=∪ cap=∩ forall=∀ exists=∃ neg=¬ land=∧ lor=∨ cdots=⋯ ldots=… dots=… circ=∘ langle=⟨ rangle=⟩ lbrace={ rbrace=} {={ }=} |=‖";

/// Functions written upright (`\sin x`).
const FUNCTIONS: &[&str] = &[
    "sin", "cos", "tan", "log", "ln", "exp", "lim", "max", "min", "det", "sup", "inf",
];

/// `<math>` markup for the TeX formula `tex`, its TeX in `alttext`; a block formula when
/// `display`. A formula too long or too deep is shown as its TeX.
pub(crate) fn to_mathml(tex: &str, display: bool) -> String {
    let mut out = String::from("<math");
    if display {
        out.push_str(" display=\"block\"");
    }
    out.push_str(" alttext=\"");
    escape(tex, &mut out);
    out.push_str("\">");
    let chars: Vec<char> = tex.chars().collect();
    let mut p = Parser {
        chars: &chars,
        at: 0,
    };
    let mut body = String::new();
    let mut parsed = chars.len() <= TEX_MAX_CHARS;
    while parsed && p.at < chars.len() {
        parsed = p.row(0, &mut body).is_some();
        if p.at < chars.len() {
            // A `}` that closes nothing.
            text_element("mo", "}", &mut body);
            p.at += 1;
        }
    }
    if !parsed {
        body.clear();
        body.push_str("<mtext>");
        escape(tex, &mut body);
        body.push_str("</mtext>");
    }
    out.push_str("<mrow>");
    out.push_str(&body);
    out.push_str("</mrow></math>");
    out
}

fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
}

impl Parser<'_> {
    /// Atoms up to a `}` or the end, each with its scripts, into `out`. `None` when too deep.
    fn row(&mut self, depth: usize, out: &mut String) -> Option<()> {
        while let Some(&c) = self.chars.get(self.at) {
            if c == '}' {
                break;
            }
            let mut base = String::new();
            if !self.atom(depth, &mut base)? {
                continue;
            }
            self.scripts(depth, base, out)?;
        }
        Some(())
    }

    /// Attaches the `_` and `^` that follow to `base`.
    fn scripts(&mut self, depth: usize, base: String, out: &mut String) -> Option<()> {
        let (mut sub, mut sup) = (None, None);
        loop {
            self.skip_space();
            let slot = match self.chars.get(self.at) {
                Some('_') if sub.is_none() => &mut sub,
                Some('^') if sup.is_none() => &mut sup,
                _ => break,
            };
            self.at += 1;
            let mut s = String::new();
            self.argument(depth, &mut s)?;
            *slot = Some(s);
        }
        let (tag, parts) = match (sub, sup) {
            (None, None) => {
                out.push_str(&base);
                return Some(());
            }
            (Some(b), None) => ("msub", vec![base, b]),
            (None, Some(p)) => ("msup", vec![base, p]),
            (Some(b), Some(p)) => ("msubsup", vec![base, b, p]),
        };
        element(tag, &parts.concat(), out);
        Some(())
    }

    fn skip_space(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    /// One argument: a group, or a single atom, as one MathML element.
    fn argument(&mut self, depth: usize, out: &mut String) -> Option<()> {
        self.skip_space();
        let mut s = String::new();
        while !self.atom(depth, &mut s)? {
            if self.at >= self.chars.len() {
                break;
            }
        }
        out.push_str(if s.is_empty() { "<mrow></mrow>" } else { &s });
        Some(())
    }

    /// The raw text of a `{…}` group (for `\text`), or of one character.
    fn raw_group(&mut self) -> String {
        self.skip_space();
        if self.chars.get(self.at) != Some(&'{') {
            let c = self.chars.get(self.at).copied();
            self.at += usize::from(c.is_some());
            return c.map(String::from).unwrap_or_default();
        }
        let start = self.at + 1;
        let mut level = 0;
        while let Some(&c) = self.chars.get(self.at) {
            self.at += 1;
            match c {
                '{' => level += 1,
                '}' if level == 1 => return self.chars[start..self.at - 1].iter().collect(),
                '}' => level -= 1,
                _ => {}
            }
        }
        self.chars[start..].iter().collect()
    }

    /// One atom into `out`: `Some(true)` if it wrote one, `Some(false)` for space and
    /// commands that show nothing, `None` when the formula is nested too deep.
    fn atom(&mut self, depth: usize, out: &mut String) -> Option<bool> {
        if depth > TEX_MAX_DEPTH {
            return None;
        }
        let Some(&c) = self.chars.get(self.at) else {
            return Some(false);
        };
        self.at += 1;
        match c {
            c if c.is_whitespace() => return Some(false),
            '{' => {
                let mut inner = String::new();
                self.row(depth + 1, &mut inner)?;
                if self.chars.get(self.at) == Some(&'}') {
                    self.at += 1;
                }
                element("mrow", &inner, out);
            }
            '\\' => return self.command(depth, out),
            '0'..='9' | '.'
                if c != '.' || self.chars.get(self.at).is_some_and(char::is_ascii_digit) =>
            {
                let start = self.at - 1;
                while self
                    .chars
                    .get(self.at)
                    .is_some_and(|d| d.is_ascii_digit() || *d == '.')
                {
                    self.at += 1;
                }
                let n: String = self.chars[start..self.at].iter().collect();
                text_element("mn", &n, out);
            }
            c if c.is_alphabetic() => text_element("mi", &c.to_string(), out),
            '&' | '~' => return Some(false),
            // `^`, `_` with nothing to attach to, a stray `}`: shown as they are.
            c => text_element("mo", &c.to_string(), out),
        }
        Some(true)
    }

    fn command(&mut self, depth: usize, out: &mut String) -> Option<bool> {
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(char::is_ascii_alphabetic)
        {
            self.at += 1;
        }
        if self.at == start && self.at < self.chars.len() {
            self.at += 1; // `\{`, `\,`, `\\`
        }
        let name: String = self.chars[start..self.at].iter().collect();
        match name.as_str() {
            "frac" | "dfrac" | "tfrac" => {
                let mut parts = String::new();
                self.argument(depth + 1, &mut parts)?;
                self.argument(depth + 1, &mut parts)?;
                element("mfrac", &parts, out);
            }
            "sqrt" => {
                self.skip_space();
                let mut index = String::new();
                if self.chars.get(self.at) == Some(&'[') {
                    self.at += 1;
                    while let Some(&c) = self.chars.get(self.at) {
                        self.at += 1;
                        if c == ']' {
                            break;
                        }
                        text_element(
                            if c.is_ascii_digit() { "mn" } else { "mi" },
                            &c.to_string(),
                            &mut index,
                        );
                    }
                }
                let mut radicand = String::new();
                self.argument(depth + 1, &mut radicand)?;
                if index.is_empty() {
                    element("msqrt", &radicand, out);
                } else {
                    element("mroot", &format!("{radicand}<mrow>{index}</mrow>"), out);
                }
            }
            "text" | "textrm" | "textit" | "textbf" | "mbox" | "mathrm" | "operatorname" => {
                let text = self.raw_group();
                text_element(
                    if name == "mathrm" || name == "operatorname" {
                        "mi"
                    } else {
                        "mtext"
                    },
                    &text,
                    out,
                );
            }
            "mathbf" | "mathit" | "mathbb" | "mathcal" | "boldsymbol" | "vec" | "hat" | "bar"
            | "overline" | "tilde" | "mathsf" | "displaystyle" | "left" | "right" | "big"
            | "Big" | "bigl" | "bigr" | "Bigl" | "Bigr" | "limits" | "nolimits" => {
                // Styles and sizes: the content shows, the style does not.
                return Some(false);
            }
            "," | ";" | ":" | "!" | " " | "quad" | "qquad" | "\\" => return Some(false),
            _ => {
                let symbol = SYMBOLS.split(' ').find_map(|entry| {
                    let rest = entry.strip_prefix(name.as_str())?;
                    let op = rest.starts_with('=');
                    (op || rest.starts_with(':')).then(|| (op, &rest[1..]))
                });
                if let Some((op, ch)) = symbol {
                    text_element(if op { "mo" } else { "mi" }, ch, out);
                } else if FUNCTIONS.contains(&name.as_str()) {
                    text_element("mi", &name, out);
                } else {
                    // Unknown: shown as written.
                    text_element("mtext", &format!("\\{name}"), out);
                }
            }
        }
        Some(true)
    }
}

fn element(tag: &str, inner: &str, out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push('>');
    out.push_str(inner);
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

fn text_element(tag: &str, text: &str, out: &mut String) {
    let mut escaped = String::new();
    escape(text, &mut escaped);
    element(tag, &escaped, out);
}

#[cfg(test)]
mod tests {
    use super::to_mathml;

    fn body(tex: &str) -> String {
        let m = to_mathml(tex, false);
        let start = m.find("<mrow>").unwrap() + "<mrow>".len();
        m[start..m.len() - "</mrow></math>".len()].to_string()
    }

    #[test]
    fn letters_numbers_and_operators() {
        assert_eq!(body("x+12"), "<mi>x</mi><mo>+</mo><mn>12</mn>");
    }

    #[test]
    fn scripts_attach_to_what_precedes_them() {
        assert_eq!(body("a^2"), "<msup><mi>a</mi><mn>2</mn></msup>");
        assert_eq!(
            body("x_i^{n}"),
            "<msubsup><mi>x</mi><mi>i</mi><mrow><mi>n</mi></mrow></msubsup>"
        );
    }

    #[test]
    fn fractions_roots_and_symbols() {
        assert_eq!(
            body("\\frac{1}{2}"),
            "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"
        );
        assert_eq!(body("\\sqrt{x}"), "<msqrt><mrow><mi>x</mi></mrow></msqrt>");
        assert_eq!(
            body("\\sqrt[3]{x}"),
            "<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>"
        );
        assert_eq!(
            body("\\alpha\\leq\\infty"),
            "<mi>α</mi><mo>≤</mo><mi>∞</mi>"
        );
        assert_eq!(body("\\sin x"), "<mi>sin</mi><mi>x</mi>");
    }

    #[test]
    fn text_is_text_and_unknown_commands_show_as_written() {
        assert_eq!(body("\\text{if } x"), "<mtext>if </mtext><mi>x</mi>");
        assert_eq!(body("\\weird"), "<mtext>\\weird</mtext>");
    }

    #[test]
    fn markup_in_the_tex_is_escaped() {
        let m = to_mathml("a<b \\text{</math><script>}", true);
        assert!(!m.contains("<script>"), "{m}");
        assert!(!m.contains("</math><"), "{m}");
        assert!(
            m.starts_with("<math display=\"block\" alttext=\"a&lt;b"),
            "{m}"
        );
    }

    #[test]
    fn a_formula_nested_too_deep_is_shown_as_its_tex() {
        let deep = format!("{}x{}", "{".repeat(500), "}".repeat(500));
        assert!(to_mathml(&deep, false).contains("<mtext>{{{"));
    }
}
