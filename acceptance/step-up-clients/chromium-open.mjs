#!/usr/bin/env node
// A "browser" for clients that open the authorization URL themselves (BROWSER=…/chromium-open.mjs): a real
// headless Chromium signs in and approves on Faultline's pages and follows the redirect to the client's own
// callback listener. Logs one line per page to stderr (the URL's secrets are never printed).
import puppeteer from 'puppeteer-core';
import { callbackReady } from './callback-ready.mjs';

const [url] = process.argv.slice(2);
const BASE = (process.env.FAULTLINE_URL ?? 'http://localhost:18480').replace(/\/$/, '');
const LIMIT_MS = 90_000; // a failure timeout only
const log = (line) => process.stderr.write(`    chromium: ${line}\n`);
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  log(`opening the authorization URL (scope=${new URL(url).searchParams.get('scope')})`);
  await page.goto(url, { waitUntil: 'load', timeout: LIMIT_MS });
  for (let step = 0; step < 5 && new URL(page.url()).origin === new URL(BASE).origin; step++) {
    if (await page.$('input[type=password]')) {
      log('sign-in page');
      await page.type('input[type=email], input[name=email]', process.env.FAULTLINE_EMAIL);
      await page.type('input[type=password]', process.env.FAULTLINE_PASSWORD);
      await Promise.all([page.waitForNavigation({ timeout: LIMIT_MS }), page.click('form button[type=submit], form input[type=submit]')]);
      continue;
    }
    const approve = await page.evaluateHandle(() => [...document.querySelectorAll('button, input[type=submit]')]
      .find((b) => /approve|allow/i.test(`${b.textContent} ${b.value ?? ''}`)));
    if (!approve.asElement()) throw new Error(`no sign-in or consent form at ${new URL(page.url()).pathname}`);
    log('consent page; ticking the permissions the client asked for and approving');
    await page.$$eval('input[type=checkbox]', (boxes) => {
      const asked = (document.querySelector('input[type=hidden][name=scope]')?.value ?? '').split(' ').filter(Boolean);
      boxes.forEach((box) => { if (asked.length) box.checked = asked.includes(box.name.replace(/^grant:/, '')); });
    });
    await callbackReady(url, LIMIT_MS);
    await Promise.all([page.waitForNavigation({ timeout: LIMIT_MS }), approve.asElement().click()]);
  }
  log(`back at ${new URL(page.url()).origin}${new URL(page.url()).pathname}`);
} finally {
  await browser.close();
}
