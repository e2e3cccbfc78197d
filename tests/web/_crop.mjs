import fs from 'node:fs';
import { chromium } from 'playwright-core';
const [,, height = '1000', ...names] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: Number(height) } });
fs.mkdirSync('/tmp/crops', { recursive: true });
for (const name of names) {
  const data = fs.readFileSync(`build/screenshots/${name}.png`).toString('base64');
  await page.setContent(`<body style="margin:0"><img src="data:image/png;base64,${data}"></body>`);
  await page.screenshot({ path: `/tmp/crops/${name}.png`, clip: { x: 0, y: 0, width: 1280, height: Number(height) } });
}
await browser.close();
