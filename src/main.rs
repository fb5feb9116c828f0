//! Browser entry point: mounts the explainer. On the host this binary does nothing useful;
//! the host-side tools are `scenario` (metrics for a query string) and the test suite.

#[cfg(target_arch = "wasm32")]
fn main() {
    debt_or_dilution::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("debt-or-dilution is a browser app: run `make serve` (see README.md).");
}
