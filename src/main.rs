//! Browser entry point: mounts the explainer. On the host this binary does nothing useful;
//! the host-side tools are `scenario` (metrics for a query string) and the test suite.

/// Talc instead of Rust's default wasm allocator (dlmalloc): the same `GlobalAlloc` contract,
/// a few kilobytes less code in the bundle. Single-threaded (no atomics), as the app is.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    debt_or_dilution::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("debt-or-dilution is a browser app: run `make serve` (see README.md).");
}
