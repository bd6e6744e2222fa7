#!/usr/bin/env bash
# Builds the release into dist/ for the given public URL ("/" or "/sub/"):
# - the citizen pages, static HTML pre-rendered by the native `prerender` binary for every
#   campaign and language (index.html, 404.html, every page at <path>/index.html so that
#   GitHub Pages answers a deep link with status 200, the handout and the QR files), with
#   the islands' wasm in pkg/ and the CSS in assets/;
# - staff mode under staff/ (its own client-rendered wasm, page made from staff.html);
# - the Content-Security-Policy in every page, then the service worker (sw.js).
# The wasm apps are built by scripts/build-wasm.mjs (cargo, wasm-bindgen, wasm-opt, esbuild).
# Usage: scripts/build-dist.sh [public_url]   (SITE_URL: the deployment's full address)
set -euo pipefail
cd "$(dirname "$0")/.."
public_url=${1:-/}
case "$public_url" in */) ;; *) public_url="$public_url/" ;; esac
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The deployment's address, printed and encoded in the handout's QR code.
site_url=${SITE_URL:-http://127.0.0.1:${PORT:-8080}$public_url}

# First 16 hex digits of a file's SHA-256.
hash16() { sha256sum "$1" | cut -c1-16; }
# Copies a file into a folder under a content-hashed name (<stem>-<hash>.<ext>) and prints that name.
hashed_copy() {
  local src=$1 dir=$2 base stem ext name
  base=$(basename "$src")
  stem=${base%.*}
  ext=${base##*.}
  name="$stem-$(hash16 "$src").$ext"
  mkdir -p "$dir"
  cp "$src" "$dir/$name"
  printf '%s\n' "$name"
}

# The deployment (campaign files and deployment.json): public/campaigns/ unless DEPLOYMENT_DIR names
# another folder; build.rs and the prerender read the same setting.
export DEPLOYMENT_DIR=${DEPLOYMENT_DIR:-public/campaigns}
rm -rf dist
mkdir dist
cp -r "$DEPLOYMENT_DIR" dist/campaigns
cp -r public/icons dist/icons
cp public/manifest.webmanifest public/icon.svg dist/

# Citizen pages: CSS, the islands' wasm, then every page pre-rendered with their names.
main_css=$(hashed_copy style/main.css dist/assets)
# Two builds of the islands: every island, and the core islands only (boot and campaign status),
# which the pages without any other island load (the home page among them).
site_wasm=$(node scripts/build-wasm.mjs site dist/pkg site | tail -n 1)
core_wasm=$(node scripts/build-wasm.mjs site-core dist/pkg site-core | tail -n 1)
mkdir -p target
SITE_WASM="$site_wasm" CORE_WASM="$core_wasm" SITE_CSS="assets/$main_css" SITE_BASE="$public_url" node -e '
  const wasm = JSON.parse(process.env.SITE_WASM);
  const core = JSON.parse(process.env.CORE_WASM);
  for (const [built, printed] of [[wasm, process.env.SITE_WASM], [core, process.env.CORE_WASM]]) {
    if (!built.js || !built.wasm) throw new Error(`build-wasm.mjs printed no file names: ${printed}`);
  }
  const assets = {
    css: process.env.SITE_CSS, js: `pkg/${wasm.js}`, wasm: `pkg/${wasm.wasm}`,
    core_js: `pkg/${core.js}`, core_wasm: `pkg/${core.wasm}`, base: process.env.SITE_BASE,
  };
  process.stdout.write(JSON.stringify(assets, null, 2) + "\n");
' > target/site-assets.json
# Writes every citizen page (index.html, 404.html, en/, c/<id>/, the check answers), the
# printable handout (also the page without JavaScript) and the QR files.
cargo run --quiet --locked --features ssr --bin prerender -- dist target/site-assets.json "$site_url"
for page in dist/index.html dist/404.html; do
  [ -f "$page" ] || { echo "build-dist.sh: the prerender wrote no $page" >&2; exit 1; }
done
# Every island of every page is exported by the islands' build that page loads.
node scripts/check-islands.mjs dist
case "$site_url" in
  http://127.0.0.1*|http://localhost*) echo "note: the handout's QR code points to $site_url (set SITE_URL to the published address for a release)" ;;
esac

# Staff mode and the campaign editor: their wasm (one cargo run builds both), their CSS (in
# staff/), the export's JSON Schema, and their pages from staff.html.
staff_wasm=$(node scripts/build-wasm.mjs staff dist/staff staff | tail -n 1)
editor_wasm=$(node scripts/build-wasm.mjs editor dist/staff/editor editor | tail -n 1)
staff_main_css=$(hashed_copy style/main.css dist/staff)
staff_css=$(hashed_copy style/staff.css dist/staff)
cp -r public/schema dist/staff/schema
# Writes one page from staff.html: PAGE_DIR (its folder under the site, with a slash), PAGE_WASM
# (build-wasm.mjs's names, in that folder), PAGE_TITLE and PAGE_DESCRIPTION (empty: staff.html's).
write_staff_page() {
  PAGE_DIR="$1" PAGE_WASM="$2" PAGE_TITLE="$3" PAGE_DESCRIPTION="$4" STAFF_SITE="$public_url" \
  STAFF_CSS="{\"style/main.css\": \"$staff_main_css\", \"style/staff.css\": \"$staff_css\"}" node -e '
  const fs = require("node:fs");
  const dir = process.env.PAGE_DIR;
  const fail = (message) => { console.error(`build-dist.sh: staff.html for ${dir}: ${message}`); process.exit(1); };
  const wasm = JSON.parse(process.env.PAGE_WASM);
  if (!wasm.js || !wasm.wasm) fail(`build-wasm.mjs printed no file names: ${process.env.PAGE_WASM}`);
  const css = JSON.parse(process.env.STAFF_CSS);
  const attr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  // Absolute addresses under the public URL (scripts/size.mjs,
  // lighthouse.mjs and bench-staff.mjs read the files a page references that way).
  const site = process.env.STAFF_SITE;
  const at = (file) => attr(`${site}${dir}${file}`);
  const css_at = (file) => attr(`${site}staff/${file}`);
  let html = fs.readFileSync("staff.html", "utf8");
  const replace = (pattern, by, what) => {
    if (!pattern.test(html)) fail(`no ${what}`);
    pattern.lastIndex = 0;
    html = html.replace(pattern, by);
  };
  if (process.env.PAGE_TITLE) replace(/<title>[^<]*<\/title>/, `<title>${attr(process.env.PAGE_TITLE)}</title>`, "<title>");
  if (process.env.PAGE_DESCRIPTION) replace(/<meta name="description" content="[^"]*">/, `<meta name="description" content="${attr(process.env.PAGE_DESCRIPTION)}">`, "description");
  replace(/<base data-trunk-public-url\s*\/?>/, `<base href="${attr(`${site}${dir}`)}">`, "<base data-trunk-public-url>");
  replace(/<link data-trunk rel="rust"[^>]*>/, (link) => {
    const indent = "\n  ";
    return `<link rel="modulepreload" href="${at(wasm.js)}">${indent}`
      + `<link rel="preload" href="${at(wasm.wasm)}" as="fetch" type="application/wasm" crossorigin>`;
  }, "rust link");
  replace(/<link data-trunk rel="css" href="([^"]+)"\s*\/?>/g, (link, href) => {
    if (!css[href]) fail(`no hashed copy of ${href} (add it to STAFF_CSS in scripts/build-dist.sh)`);
    return `<link rel="stylesheet" href="${css_at(css[href])}">`;
  }, "css link");
  replace(/<link data-trunk rel="icon"[^>]*>/, `<link rel="icon" href="${attr(site)}icon.svg" type="image/svg+xml">`, "icon link");
  html = html.replace(/^[ \t]*<link data-trunk rel="copy-(dir|file)"[^>]*>[ \t]*\r?\n/gm, "");
  // A module script runs after parsing; init runs the main function of the binary (the wasm start).
  const q = "\x27";
  const js = JSON.stringify(`${site}${dir}${wasm.js}`).slice(1, -1);
  const bg = JSON.stringify(`${site}${dir}${wasm.wasm}`).slice(1, -1);
  const start = `<script type="module">import init from ${q}${js}${q};init({module_or_path:${q}${bg}${q}});</script>`;
  replace(/<\/head>/, `  ${start}\n</head>`, "</head>");
  if (html.includes("data-trunk")) fail(`a trunk link is left: ${html.match(/<[^>]*data-trunk[^>]*>/)[0]}`);
  fs.mkdirSync(`dist/${dir}`, { recursive: true });
  fs.writeFileSync(`dist/${dir}index.html`, html);
'
}
write_staff_page staff/ "$staff_wasm" "" ""
write_staff_page staff/editor/ "$editor_wasm" "Soạn tệp chiến dịch – Hướng dẫn định danh điện tử" \
  "Soạn, kiểm tra và xem trước tệp chiến dịch định danh điện tử, rồi tải về để đăng lên trang."

# A strict Content-Security-Policy in every page (inline scripts by hash; connections to the site
# and to the sync server the deployment names, if any).
node scripts/csp.mjs dist target/connect-origins.json
# Last: the service worker with the file lists and the version of this build.
node scripts/build-sw.mjs dist
echo "dist/ built for $public_url (citizen pages pre-rendered, islands in dist/pkg/, staff mode in dist/staff/)"
