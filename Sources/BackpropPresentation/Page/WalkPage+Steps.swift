import BackpropCore

extension WalkPage {
  /// One `<li class="step">` for each line of the walk, in order, with a heading before
  /// each section. Each step says in `data-` attributes where it sits on the graph
  /// (``StepFocus``) and the value it shows there; the script reads nothing else.
  func stepItems() -> [String] {
    let example = walkthrough.example
    var items: [String] = []
    var section: Walkthrough.Section?
    for (index, line) in walkthrough.lines.enumerated() {
      if line.section != section {
        section = line.section
        items.append(#"<li class="heading" role="presentation">\#(Escaping.html(heading(line.section)))</li>"#)
      }
      let text = line.text(in: notation)
      let focus = StepFocus(line, loss: example.loss)
      var attributes = [
        ("id", "step-\(index + 1)"), ("class", "step"), ("data-section", line.section.rawValue), ("data-kind", line.kind.rawValue),
        ("data-shows", focus.shows.rawValue), ("data-value-text", text.value),
      ]
      if let node = focus.node { attributes.append(("data-node", node)) }
      if let edge = focus.edge { attributes += [("data-from", edge.from), ("data-to", edge.to)] }
      if focus.isGradient { attributes.append(("data-gradient", "true")) }
      if !focus.related.isEmpty { attributes.append(("data-related", focus.related.joined(separator: " "))) }
      switch line.verdict {
      case .agree: attributes.append(("data-verdict", "agree"))
      case .differ: attributes.append(("data-verdict", "differ"))
      case nil: break
      }
      let opening = attributes.map { #" \#($0.0)="\#(Escaping.html($0.1))""# }.joined()
      items.append("<li\(opening)>" + work(line, text, number: index + 1) + document(line, text) + "</li>")
    }
    return items
  }

  /// `∂L/∂w2 = ∂L/∂ŷ · ∂ŷ/∂w2 = −18 · 4 = −72`: the quantity and its formula always,
  /// the arithmetic and the value (`.result`) once the walk reaches the step.
  private func work(_ line: Walkthrough.Line, _ text: LineText, number: Int) -> String {
    var html = #"<div class="work"><span class="number">\#(number)</span> "#
    html += #"<span class="quantity">\#(Escaping.html(text.quantity))</span>"#
    if let formula = text.formula { html += #" = <span class="formula">\#(Escaping.html(formula))</span>"# }
    html += #"<span class="result">"#
    if let arithmetic = text.arithmetic { html += #" = <span class="arithmetic">\#(Escaping.html(arithmetic))</span>"# }
    html += #" = <strong class="value">\#(Escaping.html(text.value))</strong></span>"#
    if let role = role(of: line) { html += #" <span class="role">\#(Escaping.html(role))</span>"# }
    return html + "</div>"
  }

  /// What the document printed, the verdict, the cause (with any named mistake) and the
  /// document's note: shown or hidden together with `d`.
  private func document(_ line: Walkthrough.Line, _ text: LineText) -> String {
    guard let document = line.document, let printed = text.document else { return "" }
    let agree = notation.style == .ascii ? "ok" : "✓"
    let differ = notation.style == .ascii ? "X" : "✗"
    var html = #"<div class="document">doc <span class="printed">\#(Escaping.html(printed))</span> "#
    switch line.verdict {
    case .agree: html += #"<span class="verdict agree">\#(agree) agrees</span>"#
    case .differ: html += #"<span class="verdict differ">\#(differ) off by \#(Escaping.html(text.difference ?? ""))</span>"#
    case nil: break
    }
    html += #" <span class="line">line \#(document.location.line)</span>"#
    if let explanation = line.explanation {
      let sentence = explanation.sentence(for: line, in: walkthrough, notation: notation)
      html += #"<p class="cause" data-cause="\#(explanation.cause.rawValue)">\#(Escaping.html(sentence))</p>"#
    }
    if let note = document.note, !note.isEmpty { html += #"<p class="note">(\#(Escaping.html(note)))</p>"# }
    return html + "</div>"
  }

  /// For a given: what it is (input, trainable parameter, ...).
  private func role(of line: Walkthrough.Line) -> String? {
    guard line.kind == .given, case .name(let name)? = line.quantity.leafValue else { return nil }
    return walkthrough.example.leaves.first { $0.name == name }.flatMap { WalkText.roles[$0.kind] }
  }

  /// The section's heading as the walk prints it; without a target there is no loss to
  /// speak of, as in the calculus warm-ups.
  private func heading(_ section: Walkthrough.Section) -> String {
    if !walkthrough.example.leaves.contains(where: { $0.kind == .target }) {
      switch section {
      case .forward: return "Values"
      case .loss: return "The function"
      case .backward: return "Derivatives"
      default: break
      }
    }
    return WalkText.headings[section]!
  }
}
