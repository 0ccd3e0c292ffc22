/// A directed acyclic graph arranged in layers, left to right, the way Graphviz's `dot`
/// draws it (Sugiyama's method): each node gets a column, an edge that spans several
/// columns passes through a placeholder in each column between, and the vertices of
/// each column are ordered to keep edge crossings few.
///
/// Layering: a node that something points to sits one column right of the furthest of
/// its inputs (the longest path from the left); a node with no inputs (a leaf) sits one
/// column left of its first reader, not all leaves in column 0. The `last` node (the
/// loss) is moved to the rightmost column when nothing reads it.
///
/// Ordering: the columns start in node order, then alternate sweeps order each column
/// by the barycentre (mean position) of its neighbours in the column before (left to
/// right) or after (right to left); the ordering with the fewest crossings seen is kept,
/// so the sweeps never add crossings.
struct LayeredGraph {
  /// A place in a column: a node, or the point where an edge crosses a column it spans.
  enum Vertex: Hashable {
    /// The node with this index.
    case node(Int)
    /// Edge `edge`'s placeholder in the column `step` columns right of its source.
    case dummy(edge: Int, step: Int)
  }

  /// The edges, as indices of nodes: `from` is read by `to`.
  let edges: [(from: Int, to: Int)]
  /// Each node's column.
  let layer: [Int]
  /// For each edge, the vertices it passes through, from its source to its target.
  let routes: [[Vertex]]
  /// The vertices of each column, top to bottom.
  private(set) var columns: [[Vertex]]

  /// Lays out `nodeCount` nodes and `edges` between them.
  ///
  /// - Parameters:
  ///   - edges: `from` before `to` in a topological order of the nodes: every edge
  ///     goes from a lower index to a higher one (as quantities are ordered).
  ///   - last: a node to put in the rightmost column if nothing reads it.
  ///   - sweeps: how many barycentre sweeps to try.
  init(nodeCount: Int, edges: [(from: Int, to: Int)], last: Int? = nil, sweeps: Int = 12) {
    self.edges = edges
    var inputs = Array(repeating: [Int](), count: nodeCount)
    var readers = Array(repeating: [Int](), count: nodeCount)
    for edge in edges {
      precondition(edge.from < edge.to, "edges go from a lower index to a higher one")
      inputs[edge.to].append(edge.from)
      readers[edge.from].append(edge.to)
    }
    // Computed nodes: the longest path from the leaves, which sit in column 0 for now.
    var layer = Array(repeating: 0, count: nodeCount)
    for node in 0..<nodeCount where !inputs[node].isEmpty {
      layer[node] = 1 + (inputs[node].map { layer[$0] }.max() ?? 0)
    }
    // Leaves: one column left of their first (leftmost) reader.
    for node in 0..<nodeCount where inputs[node].isEmpty && !readers[node].isEmpty {
      layer[node] = max(0, (readers[node].map { layer[$0] }.min() ?? 1) - 1)
    }
    let rightmost = layer.max() ?? 0
    if let last, last < nodeCount, readers[last].isEmpty { layer[last] = rightmost }
    self.layer = layer

    var columns = Array(repeating: [Vertex](), count: rightmost + 1)
    for node in 0..<nodeCount { columns[layer[node]].append(.node(node)) }
    var routes: [[Vertex]] = []
    for (index, edge) in edges.enumerated() {
      var route: [Vertex] = [.node(edge.from)]
      for step in 1..<max(1, layer[edge.to] - layer[edge.from]) {
        let vertex = Vertex.dummy(edge: index, step: step)
        columns[layer[edge.from] + step].append(vertex)
        route.append(vertex)
      }
      route.append(.node(edge.to))
      routes.append(route)
    }
    self.routes = routes
    self.columns = columns
    orderByBarycentres(sweeps: sweeps)
  }

  /// The segments between each column and the next: pairs of vertices an edge joins.
  var segments: [[(left: Vertex, right: Vertex)]] {
    var segments = Array(repeating: [(left: Vertex, right: Vertex)](), count: max(0, columns.count - 1))
    for route in routes {
      for (left, right) in zip(route, route.dropFirst()) {
        segments[column(of: left)].append((left, right))
      }
    }
    return segments
  }

  /// The column a vertex sits in.
  func column(of vertex: Vertex) -> Int {
    switch vertex {
    case .node(let node): layer[node]
    case .dummy(let edge, let step): layer[edges[edge].from] + step
    }
  }

  /// How many pairs of segments cross when the columns are in `columns`' order.
  ///
  /// - Complexity: O(s²) for s segments between a pair of columns.
  func crossings(_ columns: [[Vertex]]) -> Int {
    var total = 0
    for (gap, pairs) in segments.enumerated() {
      let left = Self.positions(columns[gap])
      let right = Self.positions(columns[gap + 1])
      let ends = pairs.map { (left[$0.left]!, right[$0.right]!) }
      for i in ends.indices {
        for j in ends.indices where j > i {
          if (ends[i].0 - ends[j].0) * (ends[i].1 - ends[j].1) < 0 { total += 1 }
        }
      }
    }
    return total
  }

  /// How many pairs of edges cross as the graph is ordered.
  var crossings: Int { crossings(columns) }

  /// Each vertex's position in its column.
  static func positions(_ column: [Vertex]) -> [Vertex: Int] {
    Dictionary(uniqueKeysWithValues: column.enumerated().map { ($1, $0) })
  }

  /// Alternate left-to-right and right-to-left sweeps, keeping the best ordering.
  private mutating func orderByBarycentres(sweeps: Int) {
    let pairs = segments
    var best = columns
    var fewest = crossings(columns)
    var current = columns
    for sweep in 0..<sweeps where fewest > 0 {
      let rightward = sweep % 2 == 0
      let order = rightward ? Array(current.indices.dropFirst()) : Array(current.indices.dropLast().reversed())
      for column in order {
        let fixed = Self.positions(current[rightward ? column - 1 : column + 1])
        var neighbours: [Vertex: [Int]] = [:]
        for pair in pairs[rightward ? column - 1 : column] {
          let (own, other) = rightward ? (pair.right, pair.left) : (pair.left, pair.right)
          neighbours[own, default: []].append(fixed[other]!)
        }
        // A vertex with no neighbours there keeps its place.
        let keyed = current[column].enumerated().map { index, vertex in
          let positions = neighbours[vertex] ?? []
          let barycentre = positions.isEmpty ? Double(index) : Double(positions.reduce(0, +)) / Double(positions.count)
          return (vertex: vertex, barycentre: barycentre, index: index)
        }
        current[column] = keyed.sorted { ($0.barycentre, $0.index) < ($1.barycentre, $1.index) }.map(\.vertex)
      }
      let count = crossings(current)
      if count < fewest {
        fewest = count
        best = current
      }
    }
    columns = best
  }
}
