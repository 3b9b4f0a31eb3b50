// @vitest-environment jsdom
/** A page that throws while rendering shows what happened and the way back, not a white screen. */
import { render, screen } from '@testing-library/react';
import { expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/ErrorBoundary';
import { StepLinkNotice } from '../../src/ui/case-page/StepLinkNotice';

function Broken(): never {
  throw new Error('cues[2].viewports is not iterable');
}

it('shows a readable message and a link to the library when a page throws', () => {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  render(
    <ErrorBoundary>
      <Broken />
    </ErrorBoundary>,
  );
  expect(screen.getByRole('heading').textContent).toBe('Something went wrong on this page');
  expect(screen.getByRole('alert').textContent).toBe('The page could not be shown: cues[2].viewports is not iterable.');
  expect(screen.getByRole('link', { name: 'Back to the case library' }).getAttribute('href')).toBe('#/');
  quiet.mockRestore();
});

it('says which step a deep link asked for when the case has no such step', () => {
  const { container, rerender } = render(<StepLinkNotice step={99} count={6} />);
  expect(container.textContent).toBe('This link asks for step 99, but the case has 6 steps (1 to 6): showing step 6.');
  rerender(<StepLinkNotice step={0} count={6} />);
  expect(container.textContent).toContain('showing step 1');
  rerender(<StepLinkNotice step={3} count={6} />);
  expect(container.textContent).toBe('');
});
