/**
 * The "?" sheet lists every mouse and touch gesture of the viewer's gesture table, and what it lists is what the
 * hands do: the row for the wheel says it scrolls the images, and the wheel does.
 */
import { describe, expect, inject, it } from 'vitest';
import { openPage, useBrowser } from './browser';
import { bundledCase, stepUrl, viewport, waitForStep } from './lesson';
import { GESTURES, INPUT_DEVICE } from '../../src/viewer/gestures';
import { messages } from '../../src/ui/i18n/messages';

const browserOf = useBrowser();
const m = messages.gestures;

describe('gestures in the shortcut sheet', () => {
  it('lists each gesture of the table under mouse or touch, and the wheel row is bound: the wheel scrolls images', async () => {
    const { page, errors } = await openPage(browserOf());
    const { timeline } = bundledCase();
    await page.goto(stepUrl(inject('baseUrl'), 0));
    await waitForStep(page, timeline, 0, 60_000);
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();

    const rows = async (device: 'mouse' | 'touch') =>
      sheet.getByRole('region', { name: m.devices[device] }).locator('.shortcut-row').evaluateAll((els) =>
        els.map((e) => ({ input: e.querySelector('dt')?.textContent ?? '', does: e.querySelector('dd')?.textContent ?? '' })),
      );
    const listed = { mouse: await rows('mouse'), touch: await rows('touch') };
    for (const g of GESTURES) {
      for (const input of g.inputs) {
        const row = listed[INPUT_DEVICE[input]].find((r) => r.input.includes(m.inputs[input]));
        expect(row?.does, `${input} is listed as ${g.action}`).toBe(m.actions[g.action]);
      }
    }

    // The wheel's row, as the learner reads it, and then the wheel itself on the viewport.
    const wheelRow = listed.mouse.find((r) => r.input.includes(m.inputs.wheel));
    expect(wheelRow?.does).toBe(m.actions['scroll-images']);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    const frame = viewport(page, Object.keys(timeline.cues[0]!.viewports)[0]!);
    const start = Number(await frame.getAttribute('data-image-index'));
    const box = (await frame.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 120);
    await expect.poll(async () => Math.abs(Number(await frame.getAttribute('data-image-index')) - start)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
