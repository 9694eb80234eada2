// search.mjs SITE PAGE WORD EXPECT... -- the site's search in Chromium:
// serves SITE over http on 127.0.0.1 (Pagefind loads its index with
// fetch, which file:// refuses), opens PAGE (search.html, search-zho.html,
// ...), types WORD, waits for the results and checks that each EXPECT
// (a page name) is among them; then opens the first EXPECT from its result
// and checks that the page that opens is that resolution.  Prints "ok -"
// and "not ok -" lines.
import { createRequire } from "node:module";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const [site, pageName, word, ...expect] = process.argv.slice(2);
if (!site || !pageName || !word || expect.length === 0) {
	console.error("usage: search.mjs SITE PAGE WORD EXPECT...");
	process.exit(2);
}

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript",
	".css": "text/css", ".json": "application/json", ".wasm": "application/wasm" };
const server = http.createServer((req, res) => {
	const rel = decodeURIComponent(new URL(req.url, "http://x").pathname);
	const file = path.join(site, path.normalize(rel).replace(/^(\.\.[/\\])+/, ""));
	fs.readFile(file, (err, data) => {
		if (err) { res.writeHead(404); res.end(); return; }
		res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
		res.end(data);
	});
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
	args: ["--disable-gpu", "--no-sandbox", "--disable-quic",
		"--disable-background-networking", "--disable-component-update",
		"--disable-sync", "--no-first-run"],
});
const ctx = await browser.newContext();
await ctx.route((url) => !url.href.startsWith(base), (route) => route.abort());
const page = await ctx.newPage();
const name = `search: ${pageName} "${word}"`;
let failed = false;
try {
	await page.goto(base + pageName, { waitUntil: "load" });
	await page.locator(".pagefind-ui__search-input").fill(word);
	await page.locator(".pagefind-ui__result-link").first().waitFor({ timeout: 15000 });
	const hrefs = await page.locator(".pagefind-ui__result-link").evaluateAll(
		(as) => as.map((a) => new URL(a.href).pathname.split("/").pop()));
	const missing = expect.filter((e) => !hrefs.includes(e));
	if (missing.length === 0) console.log(`ok - ${name}: ${hrefs.length} results, ${expect.join(", ")} among them`);
	else {
		failed = true;
		console.log(`not ok - ${name}: ${missing.join(", ")} not found`);
		console.log(`# results: ${hrefs.slice(0, 10).join(" ")}`);
	}
	const link = page.locator(`.pagefind-ui__result-link[href$="${expect[0]}"]`).first();
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith(expect[0])), link.click()]);
	const h1 = await page.locator("h1").first().innerText();
	const crumbs = await page.locator("nav.crumbs li").count();
	if (crumbs === 3) console.log(`ok - ${name}: the result opens ${expect[0]} ("${h1.replace(/\s+/g, " ")}")`);
	else { failed = true; console.log(`not ok - ${name}: ${expect[0]} opened without its breadcrumb`); }
} catch (e) {
	failed = true;
	console.log(`not ok - ${name}`);
	console.log(`# ${String(e).split("\n")[0]}`);
}
await browser.close();
server.close();
process.exit(failed ? 1 : 0);
