import BackpropEngine

/// The nearest known name to a misspelt one, for "did you mean".
enum Suggestion {
  static func closest(to name: String, among candidates: Set<String>) -> String? {
    // Distances are of the first 64 characters: so is the length they are measured against.
    let length = min(name.count, 64)
    let scored = candidates.map { ($0, distance(name, $0)) }
      .filter { $0.1 <= max(1, length / 3) && $0.1 < length }
    return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
  }

  /// Levenshtein distance, for short names only.
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a.prefix(64))
    let b = Array(b.prefix(64))
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
