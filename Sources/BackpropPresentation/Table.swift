/// Columns of text lined up: the first left-aligned, the rest right-aligned (numbers).
public struct Table: Sendable {
  /// The first line.
  public var header: [String]
  /// The lines under it.
  public var rows: [[String]] = []

  /// A table with `header` and no rows yet.
  public init(header: [String], rows: [[String]] = []) {
    self.header = header
    self.rows = rows
  }

  /// The lines, each cell padded to its column's width, trailing spaces removed.
  public func lines(indent: String = "  ") -> [String] {
    let all = [header] + rows
    let columns = all.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in all {
      for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Terminal.width(cell)) }
    }
    return all.map { row in
      var cells: [String] = []
      for (i, cell) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[i] - Terminal.width(cell))
        cells.append(i == 0 ? cell + padding : padding + cell)
      }
      var line = indent + cells.joined(separator: "  ")
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}
