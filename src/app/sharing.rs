//! Sharing (issue 7): the calculator's "copy link", and the one embed dialog of the page that
//! every figure's "Embed" button opens with its view and scenario.

use super::download::copy_text;
use crate::embed::{snippet, ThemeChoice, View};
use crate::model::assumptions::Assumptions;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the page shares, through context.
#[derive(Clone, Copy)]
pub struct Sharing {
    /// The view (and the scenario it shows) the embed dialog is open for.
    pub target: RwSignal<Option<(&'static View, Assumptions)>>,
    /// The page is itself an embed: no embed buttons, and downloads explain that the
    /// embedding site may block them.
    pub embedded: bool,
}

pub fn provide_sharing(embedded: bool) {
    provide_context(Sharing { target: RwSignal::new(None), embedded });
}

pub fn use_sharing() -> Sharing {
    expect_context::<Sharing>()
}

/// The page's address without query or fragment.
fn page_address() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let href = location.href().unwrap_or_default();
    href.split(['?', '#']).next().unwrap_or_default().to_string()
}

/// Selects the text of a field (so a reader can copy it by hand).
fn select_all(el: &web_sys::Element) {
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.select();
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.select();
    }
}

/// Copies `text`, then reports in `status`; where the clipboard is unavailable, selects
/// `field` so the reader can copy by hand.
fn copy_into(text: String, status: RwSignal<String>, field: Option<web_sys::Element>) {
    copy_text(&text, move |copied| {
        if copied {
            status.set("Copied to the clipboard.".into());
        } else {
            if let Some(f) = &field {
                let _ = f.dyn_ref::<web_sys::HtmlElement>().map(|h| h.focus());
                select_all(f);
            }
            status.set("The clipboard is not available here: the text is selected, copy it with Ctrl+C or ⌘C.".into());
        }
    });
}

/// "Copy link": the current state's address (defaults omitted, `v` included), made when asked
/// for, and shown selected in a field as well, for frames where the clipboard is unavailable.
#[component]
pub fn ShareLink() -> impl IntoView {
    let state = super::calculator::state::use_calculator();
    let link = RwSignal::new(None::<String>);
    let status = RwSignal::new(String::new());
    let field = NodeRef::<html::Input>::new();
    let copy = move |_| {
        let href = format!("{}?{}", page_address(), crate::model::query::to_query(&state.assumptions.get_untracked()));
        link.set(Some(href.clone()));
        // Also written at once: the fallback selects the text before the next render.
        let el = field.get_untracked().map(|f| {
            f.set_value(&href);
            let _ = f.class_list().add_1("shown");
            f.unchecked_into::<web_sys::Element>()
        });
        copy_into(href, status, el);
    };
    view! {
        <div class="share-link">
            <button type="button" class="button" on:click=copy>"Copy link to this scenario"</button>
            <label class="visually-hidden" for="share-link-field">"Link to this scenario"</label>
            <input id="share-link-field" type="text" readonly class="link-field" class:shown=move || link.with(|l| l.is_some()) node_ref=field prop:value=move || link.get().unwrap_or_default()
                on:focus=move |ev| { if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) { select_all(&el) } }/>
            <span class="tool-status" role="status">{move || status.get()}</span>
        </div>
    }
}

/// The embed dialog: the snippet for the chosen view and scenario, its colours, and the data
/// licences a publisher must know about.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let sharing = use_sharing();
    let dialog = NodeRef::<html::Dialog>::new();
    let code = NodeRef::<html::Textarea>::new();
    let theme = RwSignal::new(ThemeChoice::Auto);
    let status = RwSignal::new(String::new());
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let text = Memo::new(move |_| {
        let page = page_address();
        let script = web_sys::Url::new_with_base("embed.js", &page).map(|u| u.href()).unwrap_or_else(|_| format!("{page}embed.js"));
        sharing.target.with(|t| t.as_ref().map(|(view, a)| snippet(&page, &script, view, view.id, theme.get(), a)).unwrap_or_default())
    });
    Effect::new(move |_| {
        let open = sharing.target.with(|t| t.is_some());
        let Some(d) = dialog.get() else { return };
        if open && !d.open() {
            let active = web_sys::window().and_then(|w| w.document()).and_then(|doc| doc.active_element()).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            opener.set_value(active);
            status.set(String::new());
            let _ = d.show_modal();
        }
    });
    let on_close = move |_| {
        sharing.target.set(None);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    let copy = move |_| {
        let el = code.get_untracked().map(|f| f.unchecked_into::<web_sys::Element>());
        copy_into(text.get_untracked(), status, el);
    };
    let title = move || sharing.target.with(|t| t.as_ref().map(|(v, _)| v.title).unwrap_or_default());
    view! {
        <dialog class="embed-dialog" node_ref=dialog aria-labelledby="embed-dialog-title" on:close=on_close>
            <h2 id="embed-dialog-title">"Embed: "{title}</h2>
            <p>"Paste this code into your page's HTML. The chart keeps the scenario shown here, whatever changes on this site later. The script makes the frame exactly as tall as its content; without it the frame keeps a fixed height."</p>
            <div class="control">
                <label for="embed-theme">"Colours"</label>
                <select id="embed-theme" on:change=move |ev| { if let Some(t) = ThemeChoice::from_query(&event_target_value(&ev)) { theme.set(t) } }>
                    <option value="auto" selected=move || theme.get() == ThemeChoice::Auto>"Follow the reader's light or dark setting"</option>
                    <option value="light" selected=move || theme.get() == ThemeChoice::Light>"Always light"</option>
                    <option value="dark" selected=move || theme.get() == ThemeChoice::Dark>"Always dark"</option>
                </select>
            </div>
            <label for="embed-code">"Embed code"</label>
            <textarea id="embed-code" class="embed-code" readonly rows="7" node_ref=code prop:value=move || text.get()></textarea>
            <p class="dialog-actions">
                <button type="button" class="button" on:click=copy>"Copy the code"</button>
                <span class="tool-status" role="status">{move || status.get()}</span>
            </p>
            <p class="licence">"Licences: the hashprice history is Coin Metrics community data under CC BY-NC 4.0, which does not allow commercial use without Coin Metrics' permission; commercial publishers should check before embedding a view that draws it. Deal terms come from public filings and press releases, credited under each chart; the code is MIT-licensed."</p>
            <form method="dialog"><button class="button">"Close"</button></form>
        </dialog>
    }
}
