;; Data-Juicer's MinHash signature in WebAssembly SIMD (128-bit, i32x4 / i64x2), bit-exact. Compiled by
;; `pnpm --filter @dj-sandbox/ops-text wasm:build` into minhash-wasm-bytes.ts; docs/data-engines.md explains the
;; memory layout the JavaScript side (minhash-wasm.ts) sets up. Over 300 lines because SHA-1 and the permutation
;; kernel share one module (one call per document does both); each function says what it does.
;;
;; Two stages per document, after the shingles are found (by space_shingles for space tokenization, or in
;; JavaScript for the others):
;; 1. sha1_prefixes: h = the first 4 bytes of SHA-1(shingle) read little-endian, 4 shingles at once (one per i32x4
;;    lane). Shingles whose padded message is one 64-byte block (length <= 55) are grouped first, longer ones after,
;;    so a group rarely mixes block counts; when it does, a lane past its last block keeps its state (bitselect).
;; 2. permute: for each permutation (a < 2^61, b), v = ((h*a + b) mod 2^64) mod (2^61-1) AND 0xFFFFFFFF, and the
;;    signature keeps the minimum over all h. 4 permutations per i32x4, two of them (8 permutations) per pass over
;;    the hashes: permutations outer (their constants stay in registers), hashes inner.
(module
  (memory (export "memory") 1)

  ;; ---- stage 1: SHA-1 ----------------------------------------------------------------------------------------

  ;; Writes the 64 bytes of block k of one shingle's padded SHA-1 message (bytes, 0x80, zeros, bit length as a
  ;; big-endian u64) to dst. Loads 16 bytes at a time, so it reads up to 15 bytes past the shingle's end (the caller
  ;; keeps memory there) and masks them off. A block past the shingle's last one comes out as zeros.
  (func $lane_block (param $addr i32) (param $len i32) (param $k i32) (param $dst i32)
    (local $r i32) (local $q i32) (local $rv v128) (local $pos v128) (local $v v128) (local $c80 v128)
    (local.set $r (i32.sub (local.get $len) (i32.shl (local.get $k) (i32.const 6))))
    (local.set $addr (i32.add (local.get $addr) (i32.shl (local.get $k) (i32.const 6))))
    ;; r clamped to [-1, 64] fits a signed byte: position p keeps its byte if p < r and becomes 0x80 if p == r.
    (local.set $rv (i8x16.splat
      (select (i32.const 64)
        (select (i32.const -1) (local.get $r) (i32.lt_s (local.get $r) (i32.const -1)))
        (i32.gt_s (local.get $r) (i32.const 64)))))
    (local.set $c80 (v128.const i8x16 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80))
    (local.set $pos (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))
    (loop $chunks
      (local.set $v (v128.const i64x2 0 0))
      (if (i32.gt_s (local.get $r) (local.get $q))
        (then (local.set $v (v128.load (i32.add (local.get $addr) (local.get $q))))))
      (v128.store (i32.add (local.get $dst) (local.get $q))
        (v128.or
          (v128.and (local.get $v) (i8x16.lt_s (local.get $pos) (local.get $rv)))
          (v128.and (i8x16.eq (local.get $pos) (local.get $rv)) (local.get $c80))))
      (local.set $pos (i8x16.add (local.get $pos) (v128.const i8x16 16 16 16 16 16 16 16 16 16 16 16 16 16 16 16 16)))
      (local.set $q (i32.add (local.get $q) (i32.const 16)))
      (br_if $chunks (i32.lt_u (local.get $q) (i32.const 64))))
    ;; The last block ends with the bit length; it is < 2^32, so only the low word (big-endian) is non-zero.
    (if (i32.eq (local.get $k)
          (i32.sub (i32.shr_u (i32.add (local.get $len) (i32.const 72)) (i32.const 6)) (i32.const 1)))
      (then (i32.store offset=60 (local.get $dst) (call $bswap32 (i32.shl (local.get $len) (i32.const 3)))))))

  (func $bswap32 (param $x i32) (result i32)
    (i32.or
      (i32.or
        (i32.shl (local.get $x) (i32.const 24))
        (i32.and (i32.shl (local.get $x) (i32.const 8)) (i32.const 0xFF0000)))
      (i32.or
        (i32.and (i32.shr_u (local.get $x) (i32.const 8)) (i32.const 0xFF00))
        (i32.shr_u (local.get $x) (i32.const 24)))))

  ;; SHA-1 of the 4 shingles described at $lanes (4 x {addr i32, len i32}); stores each digest's first 4 bytes read
  ;; little-endian (4 x u32) at $out. $blk: 256 bytes of scratch, $w: 1280 bytes (the 80-word schedule, 4 lanes).
  (func $sha1x4 (param $lanes i32) (param $blk i32) (param $w i32) (param $out i32)
    (local $k i32) (local $maxb i32) (local $t i32) (local $p i32) (local $nb v128)
    (local $h0 v128) (local $h1 v128) (local $h2 v128) (local $h3 v128) (local $h4 v128)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $e v128) (local $x v128) (local $act v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128) (local $kv v128)
    ;; Blocks per lane: (len + 8 bytes of length + the 0x80 byte, rounded up to 64) / 64.
    (local.set $nb (i32x4.shr_u
      (i32x4.add
        (i32x4.replace_lane 3
          (i32x4.replace_lane 2
            (i32x4.replace_lane 1 (i32x4.splat (i32.load offset=4 (local.get $lanes)))
              (i32.load offset=12 (local.get $lanes)))
            (i32.load offset=20 (local.get $lanes)))
          (i32.load offset=28 (local.get $lanes)))
        (v128.const i32x4 72 72 72 72))
      (i32.const 6)))
    (local.set $x (i32x4.max_u (local.get $nb)
      (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $nb) (local.get $nb))))
    (local.set $maxb (i32x4.extract_lane 0 (local.get $x)))
    (if (i32.gt_u (i32x4.extract_lane 1 (local.get $x)) (local.get $maxb))
      (then (local.set $maxb (i32x4.extract_lane 1 (local.get $x)))))
    (local.set $h0 (v128.const i32x4 0x67452301 0x67452301 0x67452301 0x67452301))
    (local.set $h1 (v128.const i32x4 0xEFCDAB89 0xEFCDAB89 0xEFCDAB89 0xEFCDAB89))
    (local.set $h2 (v128.const i32x4 0x98BADCFE 0x98BADCFE 0x98BADCFE 0x98BADCFE))
    (local.set $h3 (v128.const i32x4 0x10325476 0x10325476 0x10325476 0x10325476))
    (local.set $h4 (v128.const i32x4 0xC3D2E1F0 0xC3D2E1F0 0xC3D2E1F0 0xC3D2E1F0))
    (local.set $k (i32.const 0))
    (loop $blocks
      (call $lane_block (i32.load (local.get $lanes)) (i32.load offset=4 (local.get $lanes)) (local.get $k)
        (local.get $blk))
      (call $lane_block (i32.load offset=8 (local.get $lanes)) (i32.load offset=12 (local.get $lanes)) (local.get $k)
        (i32.add (local.get $blk) (i32.const 64)))
      (call $lane_block (i32.load offset=16 (local.get $lanes)) (i32.load offset=20 (local.get $lanes)) (local.get $k)
        (i32.add (local.get $blk) (i32.const 128)))
      (call $lane_block (i32.load offset=24 (local.get $lanes)) (i32.load offset=28 (local.get $lanes)) (local.get $k)
        (i32.add (local.get $blk) (i32.const 192)))
      ;; Transpose: W[t] gets word t (big-endian) of the 4 lanes' blocks, 4 words per pass.
      (local.set $t (i32.const 0))
      (loop $transpose
        (local.set $p (i32.add (local.get $blk) (i32.shl (local.get $t) (i32.const 2))))
        (local.set $t0 (i8x16.shuffle 3 2 1 0 19 18 17 16 7 6 5 4 23 22 21 20
          (v128.load (local.get $p)) (v128.load offset=64 (local.get $p))))
        (local.set $t1 (i8x16.shuffle 11 10 9 8 27 26 25 24 15 14 13 12 31 30 29 28
          (v128.load (local.get $p)) (v128.load offset=64 (local.get $p))))
        (local.set $t2 (i8x16.shuffle 3 2 1 0 19 18 17 16 7 6 5 4 23 22 21 20
          (v128.load offset=128 (local.get $p)) (v128.load offset=192 (local.get $p))))
        (local.set $t3 (i8x16.shuffle 11 10 9 8 27 26 25 24 15 14 13 12 31 30 29 28
          (v128.load offset=128 (local.get $p)) (v128.load offset=192 (local.get $p))))
        (local.set $p (i32.add (local.get $w) (i32.shl (local.get $t) (i32.const 4))))
        (v128.store (local.get $p)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
        (v128.store offset=16 (local.get $p)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
        (v128.store offset=32 (local.get $p)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
        (v128.store offset=48 (local.get $p)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
        (local.set $t (i32.add (local.get $t) (i32.const 4)))
        (br_if $transpose (i32.lt_u (local.get $t) (i32.const 16))))
      ;; Message schedule: W[t] = rotl1(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16]).
      (local.set $p (i32.add (local.get $w) (i32.const 256)))
      (loop $schedule
        (local.set $x (v128.xor
          (v128.xor
            (v128.load (i32.sub (local.get $p) (i32.const 48)))
            (v128.load (i32.sub (local.get $p) (i32.const 128))))
          (v128.xor
            (v128.load (i32.sub (local.get $p) (i32.const 224)))
            (v128.load (i32.sub (local.get $p) (i32.const 256))))))
        (v128.store (local.get $p)
          (v128.or (i32x4.shl (local.get $x) (i32.const 1)) (i32x4.shr_u (local.get $x) (i32.const 31))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $schedule (i32.lt_u (local.get $p) (i32.add (local.get $w) (i32.const 1280)))))
      (local.set $a (local.get $h0))
      (local.set $b (local.get $h1))
      (local.set $c (local.get $h2))
      (local.set $d (local.get $h3))
      (local.set $e (local.get $h4))
      (local.set $p (local.get $w))
      ;; Rounds 0-19: Ch(b, c, d) = bitselect(c, d, b).
      (local.set $kv (v128.const i32x4 0x5A827999 0x5A827999 0x5A827999 0x5A827999))
      (loop $r0
        (local.set $x (i32x4.add
          (i32x4.add
            (v128.or (i32x4.shl (local.get $a) (i32.const 5)) (i32x4.shr_u (local.get $a) (i32.const 27)))
            (v128.bitselect (local.get $c) (local.get $d) (local.get $b)))
          (i32x4.add (i32x4.add (local.get $e) (v128.load (local.get $p))) (local.get $kv))))
        (local.set $e (local.get $d))
        (local.set $d (local.get $c))
        (local.set $c (v128.or (i32x4.shl (local.get $b) (i32.const 30)) (i32x4.shr_u (local.get $b) (i32.const 2))))
        (local.set $b (local.get $a))
        (local.set $a (local.get $x))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $r0 (i32.lt_u (local.get $p) (i32.add (local.get $w) (i32.const 320)))))
      ;; Rounds 20-39: parity.
      (local.set $kv (v128.const i32x4 0x6ED9EBA1 0x6ED9EBA1 0x6ED9EBA1 0x6ED9EBA1))
      (loop $r1
        (local.set $x (i32x4.add
          (i32x4.add
            (v128.or (i32x4.shl (local.get $a) (i32.const 5)) (i32x4.shr_u (local.get $a) (i32.const 27)))
            (v128.xor (v128.xor (local.get $b) (local.get $c)) (local.get $d)))
          (i32x4.add (i32x4.add (local.get $e) (v128.load (local.get $p))) (local.get $kv))))
        (local.set $e (local.get $d))
        (local.set $d (local.get $c))
        (local.set $c (v128.or (i32x4.shl (local.get $b) (i32.const 30)) (i32x4.shr_u (local.get $b) (i32.const 2))))
        (local.set $b (local.get $a))
        (local.set $a (local.get $x))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $r1 (i32.lt_u (local.get $p) (i32.add (local.get $w) (i32.const 640)))))
      ;; Rounds 40-59: Maj(b, c, d) = bitselect(c, b, b ^ d) (where b and d differ, c decides).
      (local.set $kv (v128.const i32x4 0x8F1BBCDC 0x8F1BBCDC 0x8F1BBCDC 0x8F1BBCDC))
      (loop $r2
        (local.set $x (i32x4.add
          (i32x4.add
            (v128.or (i32x4.shl (local.get $a) (i32.const 5)) (i32x4.shr_u (local.get $a) (i32.const 27)))
            (v128.bitselect (local.get $c) (local.get $b) (v128.xor (local.get $b) (local.get $d))))
          (i32x4.add (i32x4.add (local.get $e) (v128.load (local.get $p))) (local.get $kv))))
        (local.set $e (local.get $d))
        (local.set $d (local.get $c))
        (local.set $c (v128.or (i32x4.shl (local.get $b) (i32.const 30)) (i32x4.shr_u (local.get $b) (i32.const 2))))
        (local.set $b (local.get $a))
        (local.set $a (local.get $x))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $r2 (i32.lt_u (local.get $p) (i32.add (local.get $w) (i32.const 960)))))
      ;; Rounds 60-79: parity.
      (local.set $kv (v128.const i32x4 0xCA62C1D6 0xCA62C1D6 0xCA62C1D6 0xCA62C1D6))
      (loop $r3
        (local.set $x (i32x4.add
          (i32x4.add
            (v128.or (i32x4.shl (local.get $a) (i32.const 5)) (i32x4.shr_u (local.get $a) (i32.const 27)))
            (v128.xor (v128.xor (local.get $b) (local.get $c)) (local.get $d)))
          (i32x4.add (i32x4.add (local.get $e) (v128.load (local.get $p))) (local.get $kv))))
        (local.set $e (local.get $d))
        (local.set $d (local.get $c))
        (local.set $c (v128.or (i32x4.shl (local.get $b) (i32.const 30)) (i32x4.shr_u (local.get $b) (i32.const 2))))
        (local.set $b (local.get $a))
        (local.set $a (local.get $x))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br_if $r3 (i32.lt_u (local.get $p) (i32.add (local.get $w) (i32.const 1280)))))
      ;; Only lanes that still have a block k take the result; the others keep their final state.
      (local.set $act (i32x4.gt_s (local.get $nb) (i32x4.splat (local.get $k))))
      (local.set $h0 (v128.bitselect (i32x4.add (local.get $h0) (local.get $a)) (local.get $h0) (local.get $act)))
      (local.set $h1 (v128.bitselect (i32x4.add (local.get $h1) (local.get $b)) (local.get $h1) (local.get $act)))
      (local.set $h2 (v128.bitselect (i32x4.add (local.get $h2) (local.get $c)) (local.get $h2) (local.get $act)))
      (local.set $h3 (v128.bitselect (i32x4.add (local.get $h3) (local.get $d)) (local.get $h3) (local.get $act)))
      (local.set $h4 (v128.bitselect (i32x4.add (local.get $h4) (local.get $e)) (local.get $h4) (local.get $act)))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $blocks (i32.lt_u (local.get $k) (local.get $maxb))))
    ;; Digest bytes 0-3 are h0 big-endian; read little-endian that is h0 byte-swapped.
    (v128.store (local.get $out)
      (i8x16.shuffle 3 2 1 0 7 6 5 4 11 10 9 8 15 14 13 12 (local.get $h0) (local.get $h0))))

  ;; Hashes the n shingles described at $desc (n x {addr i32, len i32}) into u32s at $out and returns how many it
  ;; wrote: n rounded up to a multiple of 4 (the last group repeats a shingle, which no minimum notices). The order
  ;; of the hashes is not the shingles' order, and $desc is reordered: pass 0 hashes one-block shingles and moves
  ;; the longer ones to the front of $desc, pass 1 hashes those. $scratch: 1600 bytes (lanes, blocks, schedule).
  (func $sha1_prefixes (export "sha1_prefixes") (param $desc i32) (param $n i32) (param $out i32) (param $scratch i32)
    (result i32)
    (local $pass i32) (local $i i32) (local $k i32) (local $g i32) (local $m i32) (local $d i32) (local $addr i32)
    (local $len i32)
    (loop $passes
      (local.set $i (i32.const 0))
      (local.set $k (i32.const 0))
      (block $end
        (loop $shingles
          (br_if $end (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $d (i32.add (local.get $desc) (i32.shl (local.get $i) (i32.const 3))))
          (local.set $addr (i32.load (local.get $d)))
          (local.set $len (i32.load offset=4 (local.get $d)))
          (if (i32.or (local.get $pass) (i32.le_u (local.get $len) (i32.const 55)))
            (then
              (local.set $d (i32.add (local.get $scratch) (i32.shl (local.get $g) (i32.const 3))))
              (i32.store (local.get $d) (local.get $addr))
              (i32.store offset=4 (local.get $d) (local.get $len))
              (local.set $g (i32.add (local.get $g) (i32.const 1)))
              (if (i32.eq (local.get $g) (i32.const 4))
                (then
                  (call $sha1x4 (local.get $scratch) (i32.add (local.get $scratch) (i32.const 64))
                    (i32.add (local.get $scratch) (i32.const 320))
                    (i32.add (local.get $out) (i32.shl (local.get $m) (i32.const 2))))
                  (local.set $m (i32.add (local.get $m) (i32.const 4)))
                  (local.set $g (i32.const 0)))))
            (else
              (local.set $d (i32.add (local.get $desc) (i32.shl (local.get $k) (i32.const 3))))
              (i32.store (local.get $d) (local.get $addr))
              (i32.store offset=4 (local.get $d) (local.get $len))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $shingles)))
      (if (i32.eqz (local.get $pass))
        (then
          (local.set $n (local.get $k))
          (local.set $pass (i32.const 1))
          (br $passes))))
    (if (i32.gt_u (local.get $g) (i32.const 0))
      (then
        (loop $fill
          (i64.store (i32.add (local.get $scratch) (i32.shl (local.get $g) (i32.const 3)))
            (i64.load (local.get $scratch)))
          (local.set $g (i32.add (local.get $g) (i32.const 1)))
          (br_if $fill (i32.lt_u (local.get $g) (i32.const 4))))
        (call $sha1x4 (local.get $scratch) (i32.add (local.get $scratch) (i32.const 64))
          (i32.add (local.get $scratch) (i32.const 320))
          (i32.add (local.get $out) (i32.shl (local.get $m) (i32.const 2))))
        (local.set $m (i32.add (local.get $m) (i32.const 4)))))
    (local.get $m))

  ;; ---- shingles of space tokenization ------------------------------------------------------------------------

  ;; Data-Juicer's space shingles of the UTF-8 text at $text ($len bytes): the tokens are the runs of bytes other
  ;; than 0x20 (a UTF-8 continuation byte is never 0x20), shingle i is tokens i..i+w-1 joined by one space. Writes
  ;; n descriptors {addr, len} at $desc and returns n (0 with fewer than w tokens). A shingle whose tokens are one
  ;; space apart is a slice of the text; the others are joined into $extra, and if that needs more than $cap bytes
  ;; it returns -1 (the caller then shingles in JavaScript). $tok: 8 bytes per token ({start, end} offsets).
  (func $space_shingles (export "space_shingles") (param $text i32) (param $len i32) (param $w i32) (param $tok i32)
    (param $desc i32) (param $extra i32) (param $cap i32) (result i32)
    (local $i i32) (local $start i32) (local $count i32) (local $n i32) (local $k i32) (local $p i32)
    (local $first i32) (local $last i32) (local $used i32) (local $d i32) (local $s i32) (local $e i32)
    (local $joined i32) (local $mask i32) (local $spaces v128)
    ;; 16 bytes at a time: a bit mask of the spaces (reading up to 15 bytes past the end, masked off), then each
    ;; space ends the token before it, if that is not empty.
    (local.set $spaces (i8x16.splat (i32.const 0x20)))
    (block $scanned
      (loop $scan
        (br_if $scanned (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $mask (i8x16.bitmask
          (i8x16.eq (v128.load (i32.add (local.get $text) (local.get $i))) (local.get $spaces))))
        (if (i32.lt_u (i32.sub (local.get $len) (local.get $i)) (i32.const 16))
          (then (local.set $mask (i32.and (local.get $mask)
            (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $len) (local.get $i))) (i32.const 1))))))
        (block $bits
          (loop $bit
            (br_if $bits (i32.eqz (local.get $mask)))
            (local.set $e (i32.add (local.get $i) (i32.ctz (local.get $mask))))
            (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
            (if (i32.gt_u (local.get $e) (local.get $start))
              (then
                (local.set $p (i32.add (local.get $tok) (i32.shl (local.get $count) (i32.const 3))))
                (i32.store (local.get $p) (local.get $start))
                (i32.store offset=4 (local.get $p) (local.get $e))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))))
            (local.set $start (i32.add (local.get $e) (i32.const 1)))
            (br $bit)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $scan)))
    (if (i32.gt_u (local.get $len) (local.get $start))
      (then
        (local.set $p (i32.add (local.get $tok) (i32.shl (local.get $count) (i32.const 3))))
        (i32.store (local.get $p) (local.get $start))
        (i32.store offset=4 (local.get $p) (local.get $len))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))))
    (if (i32.lt_u (local.get $count) (local.get $w)) (then (return (i32.const 0))))
    (local.set $i (i32.const 0))
    (loop $shingles
      (local.set $p (i32.add (local.get $tok) (i32.shl (local.get $i) (i32.const 3))))
      (local.set $first (i32.load (local.get $p)))
      (local.set $last (i32.load offset=4
        (i32.add (local.get $p) (i32.shl (i32.sub (local.get $w) (i32.const 1)) (i32.const 3)))))
      ;; A slice of the text when every token starts one byte after the previous one ends.
      (local.set $joined (i32.const 0))
      (local.set $k (i32.const 1))
      (block $gaps
        (loop $gap
          (br_if $gaps (i32.ge_u (local.get $k) (local.get $w)))
          (local.set $d (i32.add (local.get $p) (i32.shl (local.get $k) (i32.const 3))))
          (if (i32.ne (i32.load (local.get $d))
                (i32.add (i32.load (i32.sub (local.get $d) (i32.const 4))) (i32.const 1)))
            (then
              (local.set $joined (i32.const 1))
              (br $gaps)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $gap)))
      (local.set $d (i32.add (local.get $desc) (i32.shl (local.get $n) (i32.const 3))))
      (if (local.get $joined)
        (then
          ;; The joined shingle is shorter than its span in the text, so the span bounds what it needs.
          (if (i32.gt_u (i32.add (local.get $used) (i32.sub (local.get $last) (local.get $first))) (local.get $cap))
            (then (return (i32.const -1))))
          (i32.store (local.get $d) (i32.add (local.get $extra) (local.get $used)))
          (local.set $k (i32.const 0))
          (loop $copy
            (if (local.get $k)
              (then
                (i32.store8 (i32.add (local.get $extra) (local.get $used)) (i32.const 0x20))
                (local.set $used (i32.add (local.get $used) (i32.const 1)))))
            (local.set $s (i32.load (i32.add (local.get $p) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $e (i32.load offset=4 (i32.add (local.get $p) (i32.shl (local.get $k) (i32.const 3)))))
            (memory.copy (i32.add (local.get $extra) (local.get $used)) (i32.add (local.get $text) (local.get $s))
              (i32.sub (local.get $e) (local.get $s)))
            (local.set $used (i32.add (local.get $used) (i32.sub (local.get $e) (local.get $s))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br_if $copy (i32.lt_u (local.get $k) (local.get $w))))
          (i32.store offset=4 (local.get $d)
            (i32.sub (i32.add (local.get $extra) (local.get $used)) (i32.load (local.get $d)))))
        (else
          (i32.store (local.get $d) (i32.add (local.get $text) (local.get $first)))
          (i32.store offset=4 (local.get $d) (i32.sub (local.get $last) (local.get $first)))))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $shingles (i32.le_u (local.get $i) (i32.sub (local.get $count) (local.get $w)))))
    (local.get $n))

  ;; ---- stage 2: permutations -----------------------------------------------------------------------------------

  ;; For each group of 4 permutations at $perms + 64g (aLo i32x4, aHi i32x4, b i64x2 for lanes 0-1, b for lanes 2-3;
  ;; $groups must be even: groups are taken in pairs, so pad the last pair with zero permutations) stores at $out + 16g
  ;; the 4 minima over the m hashes at $hashes of ((h*a + b) mod 2^64) mod (2^61-1) AND 0xFFFFFFFF. With a = aHi*2^32 +
  ;; aLo: h*aLo + b is exact in 64 bits (extmul); h*aHi only reaches the high word, where its low 32 bits (i32x4.mul)
  ;; are added. Then in 32-bit halves lo, hi: x mod (2^61-1) = (x AND (2^61-1)) + (x >> 61) = hi[28:0]*2^32 + lo + top,
  ;; top = hi >> 29, whose low word is lo + top. That sum reaches 2^61-1 (and needs the modulus subtracted) only if
  ;; hi[28:0] is all ones, about once in 2^29: the loop only notes whether that happened (the maximum of hi OR
  ;; 0xE0000000 is all ones), and such groups are computed again exactly ($group_exact).
  (func $permute (export "permute") (param $hashes i32) (param $m i32) (param $perms i32) (param $groups i32)
    (param $out i32)
    (local $g i32) (local $p i32) (local $end i32)
    (local $alo0 v128) (local $ahi0 v128) (local $b01_0 v128) (local $b23_0 v128) (local $min0 v128)
    (local $alo1 v128) (local $ahi1 v128) (local $b01_1 v128) (local $b23_1 v128) (local $min1 v128)
    (local $h v128) (local $x01 v128) (local $x23 v128) (local $hi v128) (local $edge v128) (local $not29 v128)
    ;; Constants in locals stay in registers (a v128.const in the loop is rebuilt on every pass).
    (local.set $not29 (v128.const i32x4 0xE0000000 0xE0000000 0xE0000000 0xE0000000))
    (local.set $end (i32.add (local.get $hashes) (i32.shl (local.get $m) (i32.const 2))))
    ;; Two groups (8 permutations) per pass over the hashes: one hash load serves both.
    (block $done_g
      (loop $group
        (br_if $done_g (i32.ge_u (local.get $g) (local.get $groups)))
        (local.set $p (i32.add (local.get $perms) (i32.shl (local.get $g) (i32.const 6))))
        (local.set $alo0 (v128.load offset=0 (local.get $p)))
        (local.set $ahi0 (v128.load offset=16 (local.get $p)))
        (local.set $b01_0 (v128.load offset=32 (local.get $p)))
        (local.set $b23_0 (v128.load offset=48 (local.get $p)))
        (local.set $alo1 (v128.load offset=64 (local.get $p)))
        (local.set $ahi1 (v128.load offset=80 (local.get $p)))
        (local.set $b01_1 (v128.load offset=96 (local.get $p)))
        (local.set $b23_1 (v128.load offset=112 (local.get $p)))
        (local.set $min0 (v128.const i32x4 -1 -1 -1 -1))
        (local.set $min1 (v128.const i32x4 -1 -1 -1 -1))
        (local.set $edge (v128.const i32x4 0 0 0 0))
        (local.set $p (local.get $hashes))
        (block $done_h
          (loop $hash
            (br_if $done_h (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $h (v128.load32_splat (local.get $p)))
            (local.set $x01 (i64x2.add (i64x2.extmul_low_i32x4_u (local.get $h) (local.get $alo0)) (local.get $b01_0)))
            (local.set $x23 (i64x2.add (i64x2.extmul_high_i32x4_u (local.get $h) (local.get $alo0)) (local.get $b23_0)))
            (local.set $hi (i32x4.add
              (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $x01) (local.get $x23))
              (i32x4.mul (local.get $h) (local.get $ahi0))))
            (local.set $edge (i32x4.max_u (local.get $edge) (v128.or (local.get $hi) (local.get $not29))))
            (local.set $min0 (i32x4.min_u (local.get $min0)
              (i32x4.add
                (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $x01) (local.get $x23))
                (i32x4.shr_u (local.get $hi) (i32.const 29)))))
            (local.set $x01 (i64x2.add (i64x2.extmul_low_i32x4_u (local.get $h) (local.get $alo1)) (local.get $b01_1)))
            (local.set $x23 (i64x2.add (i64x2.extmul_high_i32x4_u (local.get $h) (local.get $alo1)) (local.get $b23_1)))
            (local.set $hi (i32x4.add
              (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $x01) (local.get $x23))
              (i32x4.mul (local.get $h) (local.get $ahi1))))
            (local.set $edge (i32x4.max_u (local.get $edge) (v128.or (local.get $hi) (local.get $not29))))
            (local.set $min1 (i32x4.min_u (local.get $min1)
              (i32x4.add
                (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $x01) (local.get $x23))
                (i32x4.shr_u (local.get $hi) (i32.const 29)))))
            (local.set $p (i32.add (local.get $p) (i32.const 4)))
            (br $hash)))
        (if (v128.any_true (i32x4.eq (local.get $edge) (v128.const i32x4 -1 -1 -1 -1)))
          (then
            (local.set $min0 (call $group_exact (local.get $hashes) (local.get $end) (local.get $alo0) (local.get $ahi0)
              (local.get $b01_0) (local.get $b23_0)))
            (local.set $min1 (call $group_exact (local.get $hashes) (local.get $end) (local.get $alo1) (local.get $ahi1)
              (local.get $b01_1) (local.get $b23_1)))))
        (local.set $p (i32.add (local.get $out) (i32.shl (local.get $g) (i32.const 4))))
        (v128.store (local.get $p) (local.get $min0))
        (v128.store offset=16 (local.get $p) (local.get $min1))
        (local.set $g (i32.add (local.get $g) (i32.const 2)))
        (br $group))))

  ;; One group of $permute with the modulus subtracted where the sum reaches it: lo + top >= 2^32 - 1 (that is
  ;; lo >= NOT top, as top < 8) with hi[28:0] all ones; subtracting 2^61-1 then adds 1 to the low word.
  (func $group_exact (param $p i32) (param $end i32) (param $alo v128) (param $ahi v128) (param $b01 v128)
    (param $b23 v128) (result v128)
    (local $min v128) (local $h v128) (local $x01 v128) (local $x23 v128) (local $lo v128) (local $hi v128)
    (local $top v128) (local $m29 v128)
    (local.set $m29 (v128.const i32x4 0x1FFFFFFF 0x1FFFFFFF 0x1FFFFFFF 0x1FFFFFFF))
    (local.set $min (v128.const i32x4 -1 -1 -1 -1))
    (block $done
      (loop $hash
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $h (v128.load32_splat (local.get $p)))
        (local.set $x01 (i64x2.add (i64x2.extmul_low_i32x4_u (local.get $h) (local.get $alo)) (local.get $b01)))
        (local.set $x23 (i64x2.add (i64x2.extmul_high_i32x4_u (local.get $h) (local.get $alo)) (local.get $b23)))
        (local.set $lo (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $x01) (local.get $x23)))
        (local.set $hi (i32x4.add
          (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $x01) (local.get $x23))
          (i32x4.mul (local.get $h) (local.get $ahi))))
        (local.set $top (i32x4.shr_u (local.get $hi) (i32.const 29)))
        (local.set $min (i32x4.min_u (local.get $min)
          (i32x4.sub
            (i32x4.add (local.get $lo) (local.get $top))
            (v128.and
              (i32x4.eq (v128.and (local.get $hi) (local.get $m29))
                (local.get $m29))
              (i32x4.ge_u (local.get $lo) (v128.not (local.get $top)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $hash)))
    (local.get $min))

  ;; One call per document: hashes the shingles (sha1_prefixes), then writes the signature (permute) unless there
  ;; were none. Returns the number of hashes written.
  (func (export "signature") (param $desc i32) (param $n i32) (param $hashes i32) (param $scratch i32)
    (param $perms i32) (param $groups i32) (param $out i32) (result i32)
    (local $m i32)
    (local.set $m (call $sha1_prefixes (local.get $desc) (local.get $n) (local.get $hashes) (local.get $scratch)))
    (if (local.get $m)
      (then (call $permute (local.get $hashes) (local.get $m) (local.get $perms) (local.get $groups) (local.get $out))))
    (local.get $m))
)
