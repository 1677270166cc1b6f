import { contextSlot } from '../async-context';

describe('contextSlot', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('gives a value to the work and what it awaits, and nothing outside it', async () => {
    const slot = contextSlot<string>('test');
    expect(slot.getStore()).toBeUndefined();
    const seen = await slot.run('inside', async () => {
      await tick();
      return slot.getStore();
    });
    expect(seen).toBe('inside');
    expect(slot.getStore()).toBeUndefined();
  });

  it('keeps the values of other slots, and an inner run of the same slot ends with its work', async () => {
    const first = contextSlot<number>('first');
    const second = contextSlot<number>('second');
    await first.run(1, async () => {
      await second.run(2, async () => {
        await tick();
        expect([first.getStore(), second.getStore()]).toEqual([1, 2]);
        await first.run(10, async () => {
          await tick();
          expect([first.getStore(), second.getStore()]).toEqual([10, 2]);
        });
        expect(first.getStore()).toBe(1);
      });
      expect(second.getStore()).toBeUndefined();
    });
  });

  it('keeps concurrent works apart', async () => {
    const slot = contextSlot<number>('concurrent');
    const values = await Promise.all(
      [1, 2, 3].map((value) =>
        slot.run(value, async () => {
          await tick();
          await tick();
          return slot.getStore();
        }),
      ),
    );
    expect(values).toEqual([1, 2, 3]);
  });
});
