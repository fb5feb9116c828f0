//! Small DOM helpers shared by components that work on markup they did not build element by
//! element (the story's prose fragments, the outcome figures kept current in place).

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The elements under `root` matching `selector`, in document order.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}
