// Arrays in linear memory. Each is an address; the growable ones are copied into a larger block when
// full. The stub runtime never frees: an instance lives for one run.

export function f64s(count: i32): usize {
  return heap.alloc(<usize>max(count, 1) << 3);
}

export function i32s(count: i32): usize {
  return heap.alloc(<usize>max(count, 1) << 2);
}

export function u8s(count: i32): usize {
  return zeroed(heap.alloc(<usize>max(count, 1)), <usize>max(count, 1));
}

export function zeroed(at: usize, bytes: usize): usize {
  memory.fill(at, 0, bytes);
  return at;
}

/** A copy of `bytes` bytes at `from` in a new zeroed block of `size` bytes. */
export function regrow(from: usize, bytes: usize, size: usize): usize {
  const to = zeroed(heap.alloc(size), size);
  memory.copy(to, from, bytes);
  return to;
}

@inline export function getF(a: usize, i: i32): f64 {
  return load<f64>(a + (<usize>i << 3));
}

@inline export function setF(a: usize, i: i32, v: f64): void {
  store<f64>(a + (<usize>i << 3), v);
}

@inline export function getI(a: usize, i: i32): i32 {
  return load<i32>(a + (<usize>i << 2));
}

@inline export function setI(a: usize, i: i32, v: i32): void {
  store<i32>(a + (<usize>i << 2), v);
}

@inline export function getB(a: usize, i: i32): i32 {
  return <i32>load<u8>(a + <usize>i);
}

@inline export function setB(a: usize, i: i32, v: i32): void {
  store<u8>(a + <usize>i, <u8>v);
}
