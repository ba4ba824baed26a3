(module
  (memory (export "memory") 1)
  ;; minhash(hashPtr, n, permPtr, count, outPtr): for each permutation j (u64 a at permPtr+16j, u64 b at +8),
  ;; out[j] = min over the n u32 shingle hashes h of ((h*a + b) mod 2^64) mod (2^61-1) AND 0xFFFFFFFF.
  (func (export "minhash") (param $hp i32) (param $n i32) (param $pp i32) (param $count i32) (param $op i32)
    (local $j i32) (local $i i32) (local $a i64) (local $b i64) (local $min i64) (local $v i64) (local $x i64) (local $p i32)
    (local.set $j (i32.const 0))
    (block $done_j
      (loop $lj
        (br_if $done_j (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $p (i32.add (local.get $pp) (i32.shl (local.get $j) (i32.const 4))))
        (local.set $a (i64.load (local.get $p)))
        (local.set $b (i64.load offset=8 (local.get $p)))
        (local.set $min (i64.const 0xFFFFFFFF))
        (local.set $i (i32.const 0))
        (block $done_i
          (loop $li
            (br_if $done_i (i32.ge_u (local.get $i) (local.get $n)))
            (local.set $x (i64.add (i64.mul (i64.load32_u (i32.add (local.get $hp) (i32.shl (local.get $i) (i32.const 2)))) (local.get $a)) (local.get $b)))
            (local.set $v (i64.add (i64.shr_u (local.get $x) (i64.const 61)) (i64.and (local.get $x) (i64.const 0x1FFFFFFFFFFFFFFF))))
            (if (i64.ge_u (local.get $v) (i64.const 0x1FFFFFFFFFFFFFFF))
              (then (local.set $v (i64.sub (local.get $v) (i64.const 0x1FFFFFFFFFFFFFFF)))))
            (local.set $v (i64.and (local.get $v) (i64.const 0xFFFFFFFF)))
            (if (i64.lt_u (local.get $v) (local.get $min)) (then (local.set $min (local.get $v))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $li)))
        (i32.store (i32.add (local.get $op) (i32.shl (local.get $j) (i32.const 2))) (i32.wrap_i64 (local.get $min)))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $lj)))))
