//! Embeds and shares (issue 7): the views an article can embed, how an embed request is read
//! from the URL, and the links and snippets the page hands out. Plain Rust, tested on the host;
//! the app (`app::embed`) renders what is described here.
//!
//! - `?embed=VIEW` renders one view (a chart, the Monte Carlo pair or the calculator) with only
//!   the controls listed for it, a one-line credit and a link to the full explainer.
//! - The scenario of a view comes from the same query, under the calculator's parameter names;
//!   embed links pin every value ([`crate::model::query::to_query_pinned`]) so a later change of
//!   defaults never changes a published article.
//! - `embed_id` names the frame in its height messages; `theme=light|dark|auto` picks colours.

use crate::model::assumptions::Assumptions;
use crate::model::query::{pairs, to_query_pinned, Notice, NoticeKind};

/// One embeddable view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    /// The `embed` value.
    pub id: &'static str,
    pub title: &'static str,
    /// The story section the view comes from (the full explainer's `#anchor`).
    pub section: &'static str,
    /// The calculator parameters the embed shows as controls: query name and label.
    pub controls: &'static [(&'static str, &'static str)],
    /// The one-line source credit under the view.
    pub credit: &'static str,
    /// A height in CSS pixels that fits the view at article widths, for the snippet's iframe
    /// (used until the parent script resizes the frame to the exact height).
    pub height: u32,
    /// Whether the view draws a model run (and so has a scenario to share and download).
    pub scenario: bool,
}

const DEALS_CREDIT: &str = "Source: company filings and press releases, one per deal.";
const MODEL_CREDIT: &str = "Model: debt-or-dilution, with hashprice from Coin Metrics community data (CC BY-NC 4.0).";

/// Every view, in the story's order.
pub const VIEWS: &[View] = &[
    View { id: "issuance", title: "Debt raised by public Bitcoin miners, by quarter", section: "opening", controls: &[], credit: "Source: company filings and press releases, one per deal; quarterly totals from TheMinerMag.", height: 640, scenario: false },
    View { id: "debt-stock", title: "Miners' debt outstanding", section: "opening", controls: &[], credit: "Source: VanEck, Mid-October 2025 Bitcoin ChainCheck (FactSet data).", height: 560, scenario: false },
    View { id: "scatter", title: "Then and now: every deal by date and coupon", section: "then-and-now", controls: &[], credit: DEALS_CREDIT, height: 820, scenario: false },
    View { id: "hashprice", title: "Hashprice, daily, against a fleet's breakeven", section: "squeeze", controls: &[("efficiency", "Fleet efficiency"), ("power", "Power price")], credit: "Source: Coin Metrics community network data (CC BY-NC 4.0); breakeven from the debt-or-dilution model.", height: 760, scenario: true },
    View { id: "path", title: "Hashprice path and breakevens", section: "loan-breaks", controls: &[("hashprice", "Hashprice at closing"), ("efficiency", "Fleet efficiency"), ("power", "Power price"), ("btc_drift", "BTC price drift")], credit: MODEL_CREDIT, height: 720, scenario: true },
    View { id: "loan", title: "Loan: what is owed against what the machines are worth", section: "loan-breaks", controls: &[("hashprice", "Hashprice at closing"), ("ltv", "Loan-to-value at closing"), ("loan_coupon", "Loan interest rate"), ("loan_term", "Loan term")], credit: MODEL_CREDIT, height: 720, scenario: true },
    View { id: "ownership", title: "Convertible: ownership kept against the share price at maturity", section: "convertible-dilutes", controls: &[("premium", "Conversion premium"), ("coupon", "Coupon"), ("maturity", "Maturity"), ("btc_drift", "BTC price drift")], credit: MODEL_CREDIT, height: 720, scenario: true },
    View { id: "cash", title: "Cash under each structure", section: "ai-bet", controls: &[("hpc_share", "Share of proceeds to AI/HPC"), ("lease", "AI/HPC lease rate"), ("build", "Months to build"), ("secured_coupon", "Secured notes' coupon")], credit: MODEL_CREDIT, height: 720, scenario: true },
    View { id: "monte-carlo", title: "A thousand futures: default and dilution across random paths", section: "futures", controls: &[("paths", "Monte Carlo paths"), ("btc_vol", "BTC volatility"), ("btc_drift", "BTC price drift")], credit: MODEL_CREDIT, height: 1180, scenario: true },
    View { id: "calculator", title: "Debt or dilution: the calculator", section: "same-path", controls: &[], credit: MODEL_CREDIT, height: 2400, scenario: true },
];

impl View {
    /// The data charts carry their own source line under the chart; an embed of one does not
    /// repeat it.
    pub fn credits_itself(&self) -> bool {
        matches!(self.id, "issuance" | "debt-stock" | "scatter" | "hashprice")
    }
}

/// The view named `id`.
pub fn view(id: &str) -> Option<&'static View> {
    VIEWS.iter().find(|v| v.id == id)
}

/// The colours an embed asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follow the reader's system setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn as_query(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn from_query(text: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL.into_iter().find(|t| t.as_query() == text.trim())
    }
}

/// What an `?embed=` URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedRequest {
    /// The view, or `Err(given)` when no view has that name (the page then lists the views).
    pub view: Result<&'static View, String>,
    /// The frame's name in its height messages: `embed_id` reduced to letters, digits, `-`
    /// and `_`, at most 64 of them (it is echoed to the parent page).
    pub id: String,
    pub theme: ThemeChoice,
}

/// Reads the embed parameters; `None` when the page is not an embed.
pub fn embed_request(query: &str) -> Option<EmbedRequest> {
    let pairs = pairs(query);
    let last = |name: &str| pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string());
    let requested = last("embed")?;
    Some(EmbedRequest {
        view: view(&requested).ok_or(requested),
        id: clean_id(&last("embed_id").unwrap_or_default()),
        theme: last("theme").and_then(|t| ThemeChoice::from_query(&t)).unwrap_or_default(),
    })
}

/// The theme asked for by `theme=` on any page (the full explainer honours it too).
pub fn theme_request(query: &str) -> ThemeChoice {
    pairs(query).into_iter().rev().find(|(k, _)| k == "theme").and_then(|(_, v)| ThemeChoice::from_query(&v)).unwrap_or_default()
}

/// Notices for the page's own parameters, shown with the parser's: a `theme` that is not
/// `light`, `dark` or `auto` (auto is used), and, on an embed, an `embed_id` that had to be
/// cleaned (the cleaned id is used).
pub fn page_notices(query: &str) -> Vec<Notice> {
    let pairs = pairs(query);
    let last = |name: &str| pairs.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let mut notices = Vec::new();
    if let Some(given) = last("theme").filter(|t| ThemeChoice::from_query(t).is_none()) {
        notices.push(Notice { parameter: "theme".into(), given, used: ThemeChoice::Auto.as_query().into(), kind: NoticeKind::Malformed });
    }
    if let Some(given) = last("embed").and(last("embed_id")) {
        let used = clean_id(&given);
        if used != given.trim() {
            notices.push(Notice { parameter: "embed_id".into(), given, used: format!("\"{used}\""), kind: NoticeKind::Malformed });
        }
    }
    notices
}

/// Keeps letters, digits, `-` and `_`, at most 64.
pub fn clean_id(text: &str) -> String {
    text.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_')).take(64).collect()
}

/// The query of an embed of `view` showing `a`: the view, its id, the theme unless automatic,
/// then every value of the scenario (pinned).
pub fn embed_query(view: &View, id: &str, theme: ThemeChoice, a: &Assumptions) -> String {
    let mut out = format!("embed={}", view.id);
    let id = clean_id(id);
    if !id.is_empty() {
        out.push_str(&format!("&embed_id={id}"));
    }
    if theme != ThemeChoice::Auto {
        out.push_str(&format!("&theme={}", theme.as_query()));
    }
    if view.scenario {
        out.push('&');
        out.push_str(&to_query_pinned(a));
    }
    out
}

/// The full explainer's link for a view: the pinned scenario and the view's section.
pub fn full_page_query(view: &View, a: &Assumptions) -> String {
    if view.scenario {
        format!("?{}#{}", to_query_pinned(a), view.section)
    } else {
        format!("#{}", view.section)
    }
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The copy-paste snippet: the iframe, with a fixed height that works without the script, and
/// the parent script that resizes it. `page` is the explainer's address without query or
/// fragment (`https://example.org/miners/`), `script` the parent script's address.
pub fn snippet(page: &str, script: &str, view: &View, id: &str, theme: ThemeChoice, a: &Assumptions) -> String {
    let src = format!("{page}?{}", embed_query(view, id, theme, a));
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" height=\"{}\" style=\"width:100%;border:0\" sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads\"></iframe>\n<script src=\"{}\" async></script>",
        escape_attribute(&src),
        escape_attribute(view.title),
        view.height,
        escape_attribute(script),
    )
}

/// A download's file name: `miner-debt-loan-balance-2025-12.svg`.
pub fn file_name(slug: &str, month: crate::data::calendar::YearMonth, extension: &str) -> String {
    format!("miner-debt-{slug}-{month}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fields::field;
    use crate::model::query::parse_query;

    #[test]
    fn every_view_is_unique_and_its_controls_are_calculator_parameters() {
        for (i, v) in VIEWS.iter().enumerate() {
            assert!(VIEWS[..i].iter().all(|w| w.id != v.id), "{} twice", v.id);
            assert!(crate::story::section(v.section).is_some(), "{}: no section {}", v.id, v.section);
            for (c, label) in v.controls {
                assert!(field(c).is_some(), "{}: {c} is not a parameter", v.id);
                assert!(!label.is_empty());
            }
            assert!(v.scenario || v.controls.is_empty(), "{}: controls without a scenario", v.id);
        }
    }

    #[test]
    fn an_embed_request_is_read_and_cleaned() {
        assert_eq!(embed_request("premium=40"), None);
        let r = embed_request("embed=loan&embed_id=art-1%22%3E%3Cscript%3E&theme=dark").unwrap();
        assert_eq!(r.view.map(|v| v.id), Ok("loan"));
        assert_eq!(r.id, "art-1script");
        assert_eq!(r.theme, ThemeChoice::Dark);
        let unknown = embed_request("embed=%3Cimg%3E&theme=purple").unwrap();
        assert_eq!(unknown.view, Err("<img>".to_string()));
        assert_eq!(unknown.theme, ThemeChoice::Auto);
        assert_eq!(clean_id(&"x".repeat(500)).len(), 64);
    }

    #[test]
    fn a_replaced_theme_or_embed_id_gets_a_notice() {
        let named = |q: &str| page_notices(q).iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(named("theme=dark&embed=loan&embed_id=fig-2_a"), Vec::<String>::new());
        assert_eq!(named("theme=purple"), vec!["theme: \"purple\" is not a valid value; using auto"]);
        assert_eq!(named("theme=light&theme=%3Cb%3E"), vec!["theme: \"<b>\" is not a valid value; using auto"]);
        assert_eq!(named("embed=loan&embed_id=art-1%22%3E%3Cscript%3E"), vec!["embed_id: \"art-1\"><script>\" is not a valid value; using \"art-1script\""]);
        // Outside an embed, embed_id is not read.
        assert_eq!(named("embed_id=%3Cx%3E"), Vec::<String>::new());
    }

    #[test]
    fn an_embed_link_pins_the_scenario_and_reads_back() {
        let (a, _) = parse_query("v=2&premium=45&path=trend&deal=CIFR-2025-09");
        let v = view("ownership").unwrap();
        let q = embed_query(v, "fig 2", ThemeChoice::Light, &a);
        assert!(q.starts_with("embed=ownership&embed_id=fig2&theme=light&v=2&path=trend&"), "{q}");
        let (back, notices) = parse_query(&q);
        assert_eq!(notices, vec![]);
        assert_eq!(back, Assumptions { deal: None, ..a.clone() });
        assert_eq!(embed_query(view("issuance").unwrap(), "", ThemeChoice::Auto, &a), "embed=issuance");
        assert!(full_page_query(v, &a).ends_with("#convertible-dilutes"));
    }

    #[test]
    fn the_snippet_is_a_sandboxed_lazy_iframe_with_escaped_attributes() {
        let v = view("loan").unwrap();
        let s = snippet("https://example.org/m/", "https://example.org/m/embed.js", v, "a", ThemeChoice::Auto, &Assumptions::default());
        assert!(s.starts_with("<iframe src=\"https://example.org/m/?embed=loan&amp;embed_id=a&amp;v=2&amp;"), "{s}");
        for part in ["title=\"Loan: what is owed", "loading=\"lazy\"", "height=\"720\"", "sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads\"", "<script src=\"https://example.org/m/embed.js\" async></script>"] {
            assert!(s.contains(part), "{part} missing: {s}");
        }
        assert_eq!(escape_attribute("a\"<b>&"), "a&quot;&lt;b&gt;&amp;");
    }
}
