/**
 * A binary min-heap of running trials ordered by simulated finish time, ties broken by trial id,
 * so that the order of events never depends on insertion order.
 */
export class EventQueue<T extends { readonly end: number; readonly trialId: number }> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(item: T): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as T, heap[parent] as T)) break;
      [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
      i = parent;
    }
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  pop(): T | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && before(heap[left] as T, heap[smallest] as T)) smallest = left;
        if (right < heap.length && before(heap[right] as T, heap[smallest] as T)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest] as T, heap[i] as T];
        i = smallest;
      }
    }
    return top;
  }
}

function before(a: { end: number; trialId: number }, b: { end: number; trialId: number }): boolean {
  return a.end < b.end || (a.end === b.end && a.trialId < b.trialId);
}
