import { REASON_MAX_LENGTH, reviewTransition, submitterMayEdit } from '../review';

describe('reviewTransition', () => {
  it('accepts, sends back or rejects a submitted submission', () => {
    expect(reviewTransition('submitted', 'accept', undefined)).toEqual({ to: 'accepted', reason: null });
    expect(reviewTransition('submitted', 'request-changes', ' Name the partners. ')).toEqual({
      to: 'changes_requested',
      reason: 'Name the partners.',
    });
    expect(reviewTransition('submitted', 'reject', 'Not ICT.')).toEqual({ to: 'rejected', reason: 'Not ICT.' });
    expect(reviewTransition(null, 'accept', null)).toEqual({ to: 'accepted', reason: null });
  });

  it('accepts or rejects one sent back, never asks twice without a resubmission', () => {
    expect(reviewTransition('changes_requested', 'accept', null)).toEqual({ to: 'accepted', reason: null });
    expect(reviewTransition('changes_requested', 'reject', 'No answer.')).toEqual({ to: 'rejected', reason: 'No answer.' });
    expect(reviewTransition('changes_requested', 'request-changes', 'Again.')).toEqual(
      expect.objectContaining({ code: 'INVALID_TRANSITION' }),
    );
  });

  it('leaves accepted and rejected final', () => {
    for (const from of ['accepted', 'rejected'] as const) {
      for (const action of ['accept', 'request-changes', 'reject']) {
        expect(reviewTransition(from, action, 'Because.')).toEqual(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
      }
    }
  });

  it('needs a reason the submitter will read, within bounds', () => {
    expect(reviewTransition('submitted', 'reject', '  ')).toEqual(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(reviewTransition('submitted', 'request-changes', 42)).toEqual(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(reviewTransition('submitted', 'reject', 'x'.repeat(REASON_MAX_LENGTH + 1))).toEqual(
      expect.objectContaining({ code: 'TOO_LONG' }),
    );
    expect(reviewTransition('submitted', 'approve', null)).toEqual(expect.objectContaining({ code: 'INVALID_REVIEW_ACTION' }));
    expect(reviewTransition('submitted', { action: 'accept' }, null)).toEqual(expect.objectContaining({ code: 'INVALID_REVIEW_ACTION' }));
  });

  it('lets the submitter edit only while under review', () => {
    expect([null, 'submitted', 'changes_requested', 'accepted', 'rejected'].map((state) => submitterMayEdit(state as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
