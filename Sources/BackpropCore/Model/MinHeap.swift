/// A small binary min-heap of positions, for a stable topological order.
struct MinHeap {
  private var items: [Int] = []

  init(_ items: [Int]) {
    for item in items { push(item) }
  }

  mutating func push(_ item: Int) {
    items.append(item)
    var child = items.count - 1
    while child > 0, items[(child - 1) / 2] > items[child] {
      items.swapAt(child, (child - 1) / 2)
      child = (child - 1) / 2
    }
  }

  mutating func pop() -> Int? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count, items[left] < items[smallest] { smallest = left }
      if right < items.count, items[right] < items[smallest] { smallest = right }
      if smallest == parent { return top }
      items.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
