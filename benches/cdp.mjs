// A small Chrome DevTools Protocol client over a pipe, for benchmarks that must not change what
// they time. Playwright, attached to a page, holds every new frame of it (an extension's reader
// iframe included) until it has set the frame up with a dozen commands: ~15 ms before the frame's
// first script on this machine, which no user pays. Here the bench sends exactly the commands it
// needs.
//
//   const browser = await launchChromium({ executable, args });
//   await browser.send('Target.getTargets');               // browser-level command
//   await browser.send('Runtime.evaluate', {...}, session); // command to an attached target
//   browser.on('Target.attachedToTarget', (params, sessionId) => ...);
//   await browser.close();

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Starts Chromium with `--remote-debugging-pipe` and a fresh profile (removed on close).
 * `args` are added to the command line; the pipe is fds 3 (to Chromium) and 4 (from it).
 */
export async function launchChromium({ executable, args = [] }) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-cdp-'));
  const child = spawn(executable, ['--remote-debugging-pipe', `--user-data-dir=${profile}`, ...args, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-4000); });
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  const pending = new Map();
  const listeners = new Map();
  let nextId = 0;
  let closed = false;
  let buffered = '';

  fromBrowser.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    for (let end; (end = buffered.indexOf('\0')) >= 0;) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`));
        else call?.resolve(message.result);
      } else {
        for (const fn of listeners.get(message.method) ?? []) fn(message.params, message.sessionId);
      }
    }
  });
  const gone = new Promise((resolve) => child.once('exit', resolve));
  gone.then(() => {
    closed = true;
    for (const call of pending.values()) call.reject(new Error(`browser exited during ${call.method}\n${stderr}`));
    pending.clear();
  });

  const browser = {
    /** The browser's process id (its helper processes are its descendants). */
    pid: child.pid,
    /** Sends a command; with `sessionId`, to that attached target. Resolves with its result. */
    send(method, params = {}, sessionId) {
      if (closed) return Promise.reject(new Error(`browser exited before ${method}`));
      const id = ++nextId;
      const message = sessionId ? { id, method, params, sessionId } : { id, method, params };
      return new Promise((resolve, reject) => {
        pending.set(id, { method, resolve, reject });
        toBrowser.write(`${JSON.stringify(message)}\0`);
      });
    },
    /** Calls fn(params, sessionId) for every event `method`; returns a function that stops it. */
    on(method, fn) {
      if (!listeners.has(method)) listeners.set(method, new Set());
      listeners.get(method).add(fn);
      return () => listeners.get(method).delete(fn);
    },
    async close() {
      if (!closed) {
        await Promise.race([browser.send('Browser.close').catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
        if (!closed) child.kill('SIGKILL');
        await gone;
      }
      // Chromium's helper processes may still be writing to it for a moment after it exits.
      try { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }); } catch { /* left in tmp */ }
    },
  };
  return browser;
}
