import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/store.js';
import { keys } from '../../src/ui/keys/bindings.js';
import { helpLines } from '../../src/ui/screens/help/help-screen.js';
import { KEY } from '../helpers/keys.js';
import { renderApp } from '../helpers/render-app.js';
import { waitFor, waitForText } from '../helpers/wait-for.js';

describe('app shell', () => {
  it('home → checklist → toggle → back → quit, and the tick is stored', async () => {
    const app = renderApp();
    await waitForText(app.lastFrame, 'Checklist 0/20 done · 0 attempts made');
    for (let i = 0; i < 10 && !(app.lastFrame() ?? '').includes('❯ Checklist'); i += 1) await app.press('j');
    await app.press(KEY.enter);
    await waitForText(app.lastFrame, 'completion checklist');
    await app.press('j', KEY.space);
    await waitForText(app.lastFrame, '[x] Can identify system bottlenecks using metrics');
    expect(app.lastFrame()).toMatch(/Knowledge Mastery\s+██░░░░░░░░ 1\/5/);
    await app.press(KEY.escape);
    await waitForText(app.lastFrame, 'Checklist 1/20 done');
    await app.press('q');
    await waitFor(
      () => app.services.store.data.checklist,
      (c) => 'knowledge-bottlenecks' in c,
    );
    expect(Object.keys(openStore(app.dataDir).store.data.checklist)).toEqual(['knowledge-bottlenecks']);
  });

  it('? lists every binding with its description, and Esc returns', async () => {
    const app = renderApp({ name: 'checklist' });
    await waitForText(app.lastFrame, 'completion checklist');
    await app.press('j', 'j');
    await app.press('?');
    await waitForText(app.lastFrame, 'Checklist (this screen)');
    // The test terminal is 30 rows: read the help page by page, to its end.
    let seen = app.lastFrame() ?? '';
    for (let i = 0; i < 12 && !seen.includes('end (pgup'); i += 1) {
      await app.press(KEY.pageDown);
      seen += app.lastFrame();
    }
    expect(seen).toContain('end (pgup');
    // Wrapped descriptions continue on the next line after the key column: join them back.
    const text = seen.replace(/\n {14}/g, ' ');
    for (const binding of Object.values(keys)) expect(text).toContain(binding.description);
    await app.press(KEY.escape);
    // The checklist was covered, not closed: its cursor is where it was.
    await waitForText(app.lastFrame, '❯ [ ] Know reliability patterns');
  });

  it("help lines cover the whole key table, the screen's own scopes first", () => {
    const lines = helpLines(['calculator'], 12, 60);
    expect(lines[0]).toMatchObject({ heading: 'Capacity calculator (this screen)' });
    const text = lines
      .map((l) => ('heading' in l ? `\n${l.heading}\n` : l.label ? `\n${l.description}` : ` ${l.description}`))
      .join('');
    for (const binding of Object.values(keys)) expect(text).toContain(binding.description);
    // At 60 columns no line is longer than the terminal: descriptions wrap after the key column.
    for (const line of lines)
      if (!('heading' in line)) expect(1 + 12 + 1 + line.description.length).toBeLessThanOrEqual(60);
  });

  it('the note shows what an item means', async () => {
    const app = renderApp({ name: 'checklist' });
    await waitForText(app.lastFrame, 'completion checklist');
    await app.press('n');
    await waitForText(app.lastFrame, 'Explain when adding power to one machine');
    await app.press('n');
    await waitFor(app.lastFrame, (f) => !(f ?? '').includes('Explain when adding power'));
  });

  it('the frame stays within the terminal height (Ink redraws the whole screen past it)', async () => {
    const app = renderApp({ name: 'checklist' });
    await waitForText(app.lastFrame, 'completion checklist');
    await app.press('n');
    for (let i = 0; i < 25; i += 1) {
      await app.press('j');
      expect((app.lastFrame() ?? '').split('\n').length).toBeLessThanOrEqual(29);
    }
    await waitForText(app.lastFrame, '❯ [ ] Can handle follow-up questions about optimization');
  });

  it('Ctrl+C runs the exit hooks so work in progress is saved', async () => {
    const app = renderApp();
    await waitForText(app.lastFrame, 'home');
    let saved = 0;
    app.exitHooks.add(() => {
      saved += 1;
    });
    await app.press(KEY.ctrlC);
    await waitFor(
      () => saved,
      (n) => n === 1,
    );
  });
});

describe('a corrupt store', () => {
  it('is moved aside and the home screen says where the backup is', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('../helpers/temp-dir.js');
    const dir = tempDir();
    writeFileSync(join(dir, 'store.json'), '{"schemaVersion":1,"attempts":[{"questionId"');
    const app = renderApp({ name: 'home' }, dir);
    await waitForText(app.lastFrame, 'could not be read (not valid JSON)');
    expect((app.lastFrame() ?? '').replace(/\n/g, '')).toContain('store.json.corrupt-2026-11-24T12-00-00-000Z');
    expect(app.ctx.err.join('')).toContain('It was moved to');
  });
});
