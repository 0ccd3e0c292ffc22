import BackpropCore
import Foundation

/// A terminal chart's axes around its plot cells: the title, the y label, a box with
/// y tick labels on its left, x tick labels below it, the x label and a legend.
struct TerminalAxes {
  var title: String
  var xLabel: String
  var yLabel: String
  var ascii: Bool
  /// The plot cells, top row first, every row as wide.
  var cells: [[Character]]
  var xTicks: [(column: Int, label: String)]
  var yTicks: [(row: Int, label: String)]
  var legend: String? = nil

  /// The lines, without trailing spaces.
  func lines() -> [String] {
    let width = cells.first?.count ?? 0
    var rowLabels = [String?](repeating: nil, count: cells.count)
    for tick in yTicks where cells.indices.contains(tick.row) && rowLabels[tick.row] == nil {
      rowLabels[tick.row] = tick.label
    }
    let labelWidth = rowLabels.compactMap { $0?.count }.max() ?? 0
    let box: (h: Character, v: Character, corners: [Character], yTick: Character, xTick: Character) =
      ascii ? ("-", "|", ["+", "+", "+", "+"], "+", "+") : ("─", "│", ["┌", "┐", "└", "┘"], "┤", "┬")
    func spaces(_ n: Int) -> String { String(repeating: " ", count: max(0, n)) }
    func centred(_ text: String) -> String { spaces(labelWidth + 1 + (width - text.count) / 2) + text }

    var lines: [String] = []
    if !title.isEmpty { lines.append(centred(Escaping.terminal(title))) }
    if !yLabel.isEmpty { lines.append(yLabel) }
    lines.append(spaces(labelWidth) + String(box.corners[0]) + String(repeating: box.h, count: width) + String(box.corners[1]))
    for (row, cells) in cells.enumerated() {
      let label = rowLabels[row] ?? ""
      let edge = rowLabels[row] == nil ? box.v : box.yTick
      lines.append(spaces(labelWidth - label.count) + label + String(edge) + String(cells) + String(box.v))
    }
    var bottom = [Character](repeating: box.h, count: width)
    var labels = ""
    for tick in xTicks where bottom.indices.contains(tick.column) {
      bottom[tick.column] = box.xTick
      // Centred under its tick, a space at least from the label before it.
      let start = max(0, labelWidth + 1 + tick.column - (tick.label.count - 1) / 2)
      guard labels.isEmpty || start > labels.count else { continue }
      labels += spaces(start - labels.count) + tick.label
    }
    lines.append(spaces(labelWidth) + String(box.corners[2]) + String(bottom) + String(box.corners[3]))
    if !labels.isEmpty { lines.append(labels) }
    if !xLabel.isEmpty { lines.append(centred(xLabel)) }
    if let legend, !legend.isEmpty { lines.append(legend) }
    return lines.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
  }
}
