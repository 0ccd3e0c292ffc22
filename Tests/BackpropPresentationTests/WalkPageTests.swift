import BackpropCore
import BackpropExamples
import Foundation
import Testing

@testable import BackpropPresentation

/// The walk page for the linear chain (Examples/simple-chain.txt): x = 2, w1 = 2, w2 = 0.5,
/// y = 20, h = x·w1, ŷ = h·w2, L = ½(y − ŷ)². Where each step sits on the graph follows
/// from what it computes: ∂ŷ/∂w2 is the edge w2 → ŷ, ∂L/∂h is h's gradient, w1' is w1's new value.
@Suite struct WalkPageTests {
  func walkthrough() throws -> Walkthrough {
    try Walkthrough(try #require(try BuiltinExamples.example(named: "simple-chain")))
  }

  /// The focus of the first line whose quantity reads `quantity` in ASCII.
  func focus(_ quantity: String, in walkthrough: Walkthrough) throws -> StepFocus {
    let line = try #require(walkthrough.lines.first { Notation.ascii.render($0.quantity) == quantity }, "\(quantity)")
    return StepFocus(line, loss: "L")
  }

  @Test func eachStepSitsWhereItsQuantityIs() throws {
    let walk = try walkthrough()
    let given = try focus("x", in: walk)
    #expect(given.node == "x" && given.shows == .value && !given.isGradient)
    let forward = try focus("h", in: walk)
    #expect(forward.node == "h" && forward.shows == .value)
    // ∂ŷ/∂w2 = h: the local derivative on the edge from w2 into ŷ, about w2.
    let local = try focus("dyhat/dw2", in: walk)
    #expect(local.node == "w2" && local.shows == .local && local.edge?.from == "w2" && local.edge?.to == "yhat")
    #expect(!local.isGradient)
    // ∂L/∂ŷ = ŷ − y is a local derivative of the loss itself: also ŷ's gradient.
    let lossLocal = try focus("dL/dyhat", in: walk)
    #expect(lossLocal.shows == .local && lossLocal.isGradient && lossLocal.edge?.to == "L")
    let chain = try focus("dL/dh", in: walk)
    #expect(chain.node == "h" && chain.shows == .gradient && chain.isGradient && chain.edge == nil)
    let update = try focus("w1'", in: walk)
    #expect(update.node == "w1" && update.shows == .updated)
    let after = try focus("h'", in: walk)
    #expect(after.node == "h" && after.shows == .updated)
    // y − ŷ, a part of the loss the document printed: no node of its own, it reads y and ŷ.
    let part = try focus("y - yhat", in: walk)
    #expect(part.node == nil && part.shows == .nothing && part.related == ["y", "yhat"])
    // L[w2 = 0.6], a nudge, and ŷ@converged, after training: another state of the network,
    // whose values the picture does not show, so nothing is marked.
    let nudge = try focus("L[w2 = 0.6]", in: walk)
    #expect(nudge.node == nil && nudge.shows == .nothing && nudge.related.isEmpty)
    let trained = try focus("yhat@converged", in: walk)
    #expect(trained.node == nil && trained.shows == .nothing && trained.related.isEmpty)
  }

  @Test func jsonInAScriptCannotEndIt() {
    let json = JSON.object([("title", .string("</script><!-- <b>")), ("mark", .string("<\u{301}"))]).rendered()
    let escaped = Escaping.scriptJSON(json)
    #expect(!escaped.contains("<"))
    #expect(escaped.contains(#""</script><!-- <b>""#.replacingOccurrences(of: "<", with: "\\u003c")))
    let read = try? JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
    #expect(read?["title"] == "</script><!-- <b>")
    #expect(read?["mark"] == "<\u{301}")
  }

  @Test func theScriptAndStyleCannotEndTheirElements() {
    #expect(!PageAssets.script.lowercased().contains("</script"))
    #expect(!PageAssets.style.lowercased().contains("</style"))
    #expect(PageAssets.script.contains("'use strict'"))
    #expect(PageAssets.style.contains(":root[data-theme=\"dark\"]"))
  }

  @Test func thePageListsEveryLineAndOpensWhereAsked() throws {
    let walk = try walkthrough()
    let page = try WalkPage(walkthrough: walk, name: "simple-chain").render()
    #expect(page.hasPrefix(WriterMark.html + "\n<html lang=\"en\""))
    #expect(page.components(separatedBy: #"<li id="step-"#).count - 1 == walk.lines.count)
    #expect(page.contains(#"<body data-start="1" data-steps="\#(walk.lines.count)">"#))
    // The first value that differs is (y − ŷ')² = 215.526 (doc 215.76), after the update,
    // unless an earlier one differs: count the lines before it independently.
    let checking = WalkPage(walkthrough: walk, name: "simple-chain", opening: .firstDifference)
    let first = walk.lines.firstIndex { line in
      guard let document = line.document else { return false }
      return !document.printed.agrees(with: line.value)
    }
    #expect(checking.openingStep == (first ?? 0) + 1)
    #expect(checking.openingStep > 1)
    // The working as the walk prints it, in the lecture's symbols.
    #expect(page.contains(#"<span class="quantity">∂L/∂w2</span> = <span class="formula">∂L/∂ŷ · ∂ŷ/∂w2</span>"#))
    #expect(page.contains(#" = <span class="arithmetic">−18 · 4</span> = <strong class="value">−72</strong>"#))
  }

  @Test func aPageWithNothingThatDiffersOpensAtTheStart() throws {
    // y = x·w = 2·3 = 6, as the document says.
    let text = "input x = 2\nparam w = 3\ny = x * w\nloss y\ndoc y = 6\n"
    let walk = try Walkthrough(try ExampleParser.parse(text, file: "agrees.txt"))
    #expect(WalkPage(walkthrough: walk, name: "agrees.txt", opening: .firstDifference).openingStep == 1)
  }

  @Test func byHandTheGraphShowsTheRoundedValues() throws {
    // The 2-2-2 net by hand to 4 decimals: net_h1 = 0.05·0.15 + 0.10·0.2 + 0.35 = 0.3775 and
    // out_h1 = σ(0.3775) = 0.59327 to 0.5933; the page shows the rounded values on the graph.
    let example = try #require(try BuiltinExamples.example(named: "handwritten-222"))
    let page = try WalkPage(walkthrough: try Walkthrough(example, rounding: 4), name: "handwritten-222").render()
    #expect(page.contains(#"data-shows="value" data-value-text="0.5933" data-node="out_h1""#))
    #expect(page.contains("Every value rounded to 4 decimals before it is used, as by hand."))
  }

  @Test func wroteMessageQuotesOnlyWhatTheShellNeeds() {
    #expect(WalkPage.wroteMessage("walk.html") == "Wrote walk.html: open it in a web browser (xdg-open walk.html).\n")
    #expect(
      WalkPage.wroteMessage("my walk.html") == "Wrote my walk.html: open it in a web browser (xdg-open 'my walk.html').\n")
    #expect(WalkPage.wroteMessage("-x.html").hasSuffix("(xdg-open '-x.html').\n"))
  }
}

extension WalkPageTests {
  /// With `--round 2` or `--round 4` the page puts `value 162.00`, `1.0000` into the
  /// picture's labels: each box is wide enough for every text a step puts in it, and each
  /// edge's label, as wide as its widest text, covers no box. Read from the page as the
  /// script reads it: the steps' data- attributes, the picture's rectangles and labels.
  @Test(arguments: ["simple-chain", "handwritten-222"], [2, 4])
  func everyTextAStepShowsFitsItsPlace(_ name: String, _ rounding: Int) throws {
    let walkthrough = try Walkthrough(try #require(try BuiltinExamples.example(named: name)), rounding: rounding)
    let page = try WalkPage(walkthrough: walkthrough, name: name).render()
    let size = GraphPicture.Metrics.textSize
    var boxes: [String: GraphPicture.Box] = [:]
    for match in page.matches(
      of: /data-quantity="([^"]+)" data-kind="[^"]+">\n<rect x="([-0-9.]+)" y="([-0-9.]+)" width="([0-9.]+)" height="([0-9.]+)"/)
    {
      boxes[String(match.1)] = GraphPicture.Box(
        x: Double(match.2)!, y: Double(match.3)!, width: Double(match.4)!, height: Double(match.5)!)
    }
    var labels: [String: (x: Double, y: Double)] = [:]
    for match in page.matches(
      of: /data-from="([^"]+)" data-to="([^"]+)">\n<title>[^<]*<\/title>\n<path [^>]*\/>\n<text class="local" x="([-0-9.]+)" y="([-0-9.]+)"/
    ) {
      labels["\(match.1)→\(match.2)"] = (Double(match.3)!, Double(match.4)!)
    }
    #expect(!boxes.isEmpty && !labels.isEmpty)
    var checked = 0
    for match in page.matches(of: /<li id="step-\d+" class="step"[^>]*>/) {
      let tag = String(match.0)
      func attribute(_ key: String) -> String? {
        guard let start = tag.range(of: " \(key)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix { $0 != "\"" })
      }
      guard let node = attribute("data-node"), let text = attribute("data-value-text") else { continue }
      let shows = attribute("data-shows")
      var prefixes: [String] = []
      if shows == "value" || shows == "updated" { prefixes.append("value ") }
      if attribute("data-gradient") == "true" { prefixes.append("grad ") }
      if let box = boxes[node] {
        for prefix in prefixes {
          let width = GraphPicture.Metrics.width(prefix + text, size: size) + 2 * GraphPicture.Metrics.padding
          // The picture's numbers have two decimals.
          #expect(width <= box.width + 0.01, "\(name) --round \(rounding): \(prefix)\(text) in \(node)'s box \(box.width) wide")
          checked += 1
        }
      }
      if shows == "local", let from = attribute("data-from"), let to = attribute("data-to") {
        let label = try #require(labels["\(from)→\(to)"], "\(from)→\(to)")
        let width = GraphPicture.Metrics.width(text, size: size)
        let area = GraphPicture.Box(x: label.x - width, y: label.y - size + 4, width: width, height: size)
        for (quantity, box) in boxes {
          #expect(!area.overlaps(box), "\(name) --round \(rounding): \(text) on \(from)→\(to) covers \(quantity)")
        }
        checked += 1
      }
    }
    #expect(checked > 20)
  }
}

extension WalkPageTests {
  /// sum-of-inputs says `let delta_2 = dLoss/dz2` and prints δ_2: the step is about z2's
  /// gradient, so it marks z2, as the chain-rule step for ∂Loss/∂z2 before it does.
  @Test func aLetNameMarksTheNodeOfWhatItNames() throws {
    let walk = try Walkthrough(try #require(try BuiltinExamples.example(named: "sum-of-inputs")))
    let index = try #require(walk.lines.firstIndex { Notation.ascii.render($0.quantity) == "delta_2" })
    let focus = StepFocus(walk.lines[index], loss: "Loss")
    #expect(focus.node == "z2")
    #expect(focus.shows == .nothing)
    let before = StepFocus(walk.lines[index - 1], loss: "Loss")
    #expect(before.node == "z2" && before.shows == .gradient)
  }
}

extension WalkPageTests {
  /// The one number of the picture a page shows as the picture prints it, the loss's seed
  /// ∂L/∂L = 1, is in the steps' format: `1.00` with `--round 2`, `1` without.
  @Test func theSeedIsInTheStepsFormat() throws {
    let example = try #require(try BuiltinExamples.example(named: "simple-chain"))
    let rounded = try WalkPage(walkthrough: try Walkthrough(example, rounding: 2), name: "simple-chain").render()
    #expect(rounded.contains(">grad 1.00</text>"))
    let exact = try WalkPage(walkthrough: try Walkthrough(example), name: "simple-chain").render()
    #expect(exact.contains(">grad 1</text>"))
  }
}
