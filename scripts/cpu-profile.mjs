// The measuring half of `make profile` (issue 8; scripts/cpu-profile.sh builds first): a CPU
// profile of the page in headless Chromium through the DevTools protocol, on a build that keeps
// the wasm's function names, printed as a call tree merged by function name (where a budget's
// milliseconds go: which effect, which chart, which browser call).
//
//   node scripts/cpu-profile.mjs DIST load [QUERY]      navigation until body[data-ready]
//   node scripts/cpu-profile.mjs DIST input [SLIDER]    200 calculator slider inputs, as make bench
//
// SLIDER limits the inputs to the slider whose label starts with it. PROFILE_MIN_MS (default 10)
// hides smaller subtrees. The raw profile is written to target/profile.cpuprofile (open it in
// Chromium's DevTools, Performance panel).
import { writeFileSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/lib/browser.mjs';
import { startStaticServer } from '../tests/e2e/lib/server.mjs';

const [dist, mode = 'input', arg = ''] = process.argv.slice(2);
const MIN_MS = Number(process.env.PROFILE_MIN_MS) || 10;
const OUT = new URL('../target/profile.cpuprofile', import.meta.url);

const site = await startStaticServer({ root: dist });
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const ready = async () => {
    while (!(await page.evaluate(() => document.body.hasAttribute('data-ready')))) await new Promise((r) => setTimeout(r, 20));
  };
  if (mode === 'load') {
    await cdp.send('Profiler.start');
    await page.goto(site.url + arg);
    await ready();
  } else {
    await page.goto(site.url);
    await ready();
    await cdp.send('Profiler.start');
    await page.evaluate(async (only) => {
      const all = [...document.querySelectorAll('#calculator input[type=range]')].filter((s) => !s.disabled && s.offsetParent);
      const sliders = only ? all.filter((s) => s.getAttribute('aria-label').startsWith(only)) : all;
      const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
      const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
      const positions = [0.2, 0.35, 0.5, 0.65, 0.8, 0.6, 0.4];
      for (let i = 0; i < 200; i++) {
        const s = sliders[i % sliders.length];
        const p = positions[Math.floor(i / sliders.length) % positions.length];
        const [min, max, step] = [Number(s.min), Number(s.max), Number(s.step) || 1];
        s.value = String(Math.round((min + (max - min) * p) / step) * step);
        s.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        await frame();
        await nextTask();
      }
    }, arg);
  }
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(OUT, JSON.stringify(profile));
  printTree(profile);
} finally {
  await browser.close();
  await site.close();
}

/** The profile as a tree of functions, siblings of the same name merged, in milliseconds. */
function printTree(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) || 0) + profile.timeDeltas[i] / 1000));
  const build = (node) => {
    const tree = { name: node.callFrame.functionName || '(anonymous)', self: selfMs.get(node.id) || 0, kids: new Map() };
    for (const child of node.children || []) merge(tree.kids, build(byId.get(child)));
    return tree;
  };
  const merge = (into, tree) => {
    const same = into.get(tree.name);
    if (!same) return into.set(tree.name, tree);
    same.self += tree.self;
    for (const kid of tree.kids.values()) merge(same.kids, kid);
  };
  const total = (t) => (t.total ??= t.self + [...t.kids.values()].reduce((sum, k) => sum + total(k), 0));
  const root = build(profile.nodes[0]);
  total(root);
  // wasm-bindgen's and Rust's plumbing frames, skipped so the tree shows what they call.
  const plumbing = /externref shim|multivalue shim|call_once|vtable\.shim|^wasm_bindgen::convert::closures|^<alloc::boxed::Box|^wasm_bindgen__convert/;
  const print = (tree, depth) => {
    for (const kid of [...tree.kids.values()].sort((a, b) => b.total - a.total)) {
      if (kid.total < MIN_MS || kid.name === '(idle)') continue;
      if (plumbing.test(kid.name)) {
        print(kid, depth);
        continue;
      }
      console.log(`${' '.repeat(depth)}${kid.total.toFixed(0)} ${kid.name.replace(/::h[0-9a-f]{16}$/, '').slice(0, 150)}`);
      print(kid, depth + 1);
    }
  };
  console.log(`milliseconds, subtrees of ${MIN_MS} ms and more ("(program)" is the browser's own work: parsing, style, layout, paint)`);
  print(root, 0);
}
