/// Sebastiano Vigna's SplitMix64 generator: the same numbers from the same seed on
/// every machine, which the system's generator does not promise.
///
/// Each output: state += 0x9E3779B97F4A7C15, then the state mixed by two
/// xor-shift-multiplies and a final xor-shift (splitmix64.c, 2015).
public struct SplitMix64: Sendable {
  private var state: UInt64

  /// A generator whose state starts at `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A whole number in `range`, each equally likely: draws above the largest multiple
  /// of the range's size are drawn again, so that no number is favoured.
  public mutating func next(in range: ClosedRange<Int>) -> Int {
    let size = UInt64(range.upperBound - range.lowerBound) + 1
    let limit = UInt64.max - UInt64.max % size
    var draw = next()
    while draw >= limit { draw = next() }
    return range.lowerBound + Int(draw % size)
  }
}
