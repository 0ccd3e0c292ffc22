// The walk page: steps through the walk, showing on the graph what each step has reached.
// No framework and no build step. It reads the page's own markup: each <li class="step">
// says in data- attributes which node it is about (data-node), what it shows there
// (data-shows: value, gradient, local, updated, nothing), whether that is ∂L/∂node
// (data-gradient) and the value (data-value-text).
// The walk's JSON (the script element "walk") is the `walk --json` document, for the status.
(function () {
  'use strict';

  var root = document.documentElement;
  var body = document.body;

  // Errors are written into the page, where a test (or a curious teacher) can read them.
  var errors = [];
  function recordError(message) {
    errors.push(String(message));
    root.setAttribute('data-errors', errors.join(' | '));
  }
  window.addEventListener('error', function (event) { recordError(event.message); });
  var consoleError = console.error;
  console.error = function () {
    recordError(Array.prototype.join.call(arguments, ' '));
    consoleError.apply(console, arguments);
  };

  var walk = JSON.parse(document.getElementById('walk').textContent);
  var items = Array.prototype.slice.call(document.querySelectorAll('#steps li.step'));
  var count = items.length;
  var panel = document.getElementById('current');
  var position = document.getElementById('position');

  // The words before the number in the picture's own labels ("value ", "grad ") are kept; the
  // number is the step's, as the walk shows it (rounded by hand with --round).
  function prefixOf(element) {
    if (!element) return '';
    var text = element.textContent;
    return text.slice(0, text.lastIndexOf(' ') + 1);
  }

  var nodes = Array.prototype.map.call(document.querySelectorAll('.graph g.node'), function (g) {
    var value = g.querySelector('text.value');
    var gradient = g.querySelector('text.gradient');
    return {
      element: g, name: g.getAttribute('data-quantity'), isLoss: g.getAttribute('data-kind') === 'loss',
      value: value, valuePrefix: prefixOf(value),
      gradient: gradient, gradientPrefix: prefixOf(gradient),
      // The loss's own gradient, ∂L/∂L, as the picture prints it (1): the backward pass's seed.
      seed: gradient ? gradient.textContent.slice(prefixOf(gradient).length) : undefined
    };
  });
  var edges = Array.prototype.map.call(document.querySelectorAll('.graph g.edge'), function (g) {
    var local = g.querySelector('text.local');
    return {
      element: g, from: g.getAttribute('data-from'), to: g.getAttribute('data-to'),
      local: local, localPrefix: prefixOf(local)
    };
  });

  // Shows `text` after `prefix` in a label, or hides the label when the walk has not reached it.
  function label(element, prefix, text) {
    if (!element) return;
    if (text === undefined) {
      element.classList.add('unreached');
    } else {
      element.textContent = prefix + text;
      element.classList.remove('unreached');
    }
  }

  // With the graph alone, the picture is never drawn smaller than this many pixels per unit of
  // its drawing: its text, 17 units high, stays about 12 px high however wide the network.
  var minimumScale = 0.7;
  var picture = document.querySelector('.graph svg');
  var pictureWidth = picture && picture.viewBox && picture.viewBox.baseVal ? picture.viewBox.baseVal.width : 0;

  // Sets the picture's least width for the layout.
  function fitPicture() {
    if (!picture || !(pictureWidth > 0)) return;
    var alone = root.getAttribute('data-layout') === 'graph';
    picture.style.minWidth = alone ? Math.ceil(pictureWidth * minimumScale) + 'px' : '';
  }

  // Says on the graph's section how large the picture is drawn, once the step is shown
  // (pixels per unit: it keeps its proportions inside its box), for whoever reads the
  // page (a test).
  function measurePicture() {
    if (!picture || !(pictureWidth > 0)) return;
    var box = picture.getBoundingClientRect();
    var scale = Math.min(box.width / pictureWidth, box.height / picture.viewBox.baseVal.height);
    picture.parentNode.setAttribute('data-scale', scale.toFixed(3));
  }

  var current = 0;

  // Shows step `index` (1-based): everything up to it on the graph and in the list.
  function show(index) {
    if (count === 0) return;
    index = Math.max(1, Math.min(count, index));
    current = index;
    fitPicture();
    var values = {}, updated = {}, gradients = {}, locals = {}, backward = false;
    for (var i = 0; i < index; i++) {
      var data = items[i].dataset;
      if (data.node === undefined) continue;
      if (data.shows === 'value' || data.shows === 'updated') {
        values[data.node] = data.valueText;
        updated[data.node] = data.shows === 'updated';
      } else if (data.shows === 'local') {
        locals[data.from + '\n' + data.to] = data.valueText;
      }
      // A chain-rule product, or ∂L/∂ŷ read straight off the loss: the node's gradient.
      if (data.gradient === 'true') gradients[data.node] = data.valueText;
      if (data.gradient === 'true' || data.shows === 'local') backward = true;
    }
    // Once the backward pass has begun, the loss shows its seed ∂L/∂L = 1 unless a step printed it.
    nodes.forEach(function (node) {
      if (backward && node.isLoss && gradients[node.name] === undefined) gradients[node.name] = node.seed;
    });
    var step = items[index - 1].dataset;
    var related = step.related ? step.related.split(' ') : [];
    nodes.forEach(function (node) {
      label(node.value, node.valuePrefix, values[node.name]);
      label(node.gradient, node.gradientPrefix, gradients[node.name]);
      node.element.classList.toggle('updated', updated[node.name] === true);
      node.element.classList.toggle('current', node.name === step.node);
      // With the graph alone it may scroll: keep the current node in sight.
      if (node.name === step.node && root.getAttribute('data-layout') === 'graph') {
        node.element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
      node.element.classList.toggle('related', related.indexOf(node.name) >= 0);
    });
    edges.forEach(function (edge) {
      label(edge.local, edge.localPrefix, locals[edge.from + '\n' + edge.to]);
      edge.element.classList.toggle('current', edge.from === step.from && edge.to === step.to);
    });
    items.forEach(function (item, i) {
      item.classList.toggle('past', i < index - 1);
      item.classList.toggle('current', i === index - 1);
      item.classList.toggle('future', i > index - 1);
    });
    showInPanel(index);
    measurePicture();
    position.textContent = 'Step ' + index + ' of ' + count;
    var json = walk.steps[index - 1];
    body.setAttribute('data-step', String(index));
    body.setAttribute('data-quantity', json.quantity);
    body.setAttribute('data-value', String(json.value));
    if (step.node === undefined) body.removeAttribute('data-node');
    else body.setAttribute('data-node', step.node);
    items[index - 1].scrollIntoView({ block: 'center' });
    var address = '#step=' + index;
    if (location.hash !== address) {
      try { history.replaceState(null, '', address); } catch (e) { location.hash = address; }
    }
    // Where the address now points, for whoever reads the page (a test) rather than the address bar.
    body.setAttribute('data-address', location.hash);
  }

  // The current step, large, under the graph: its section, its working and the document's verdict.
  function showInPanel(index) {
    var item = items[index - 1];
    var heading = item.previousElementSibling;
    while (heading && !heading.classList.contains('heading')) heading = heading.previousElementSibling;
    var where = document.createElement('p');
    where.className = 'where';
    where.textContent = 'Step ' + index + ' of ' + count + (heading ? ' \u00b7 ' + heading.textContent : '');
    panel.replaceChildren(where);
    Array.prototype.forEach.call(item.children, function (child) { panel.appendChild(child.cloneNode(true)); });
  }

  var actions = {
    next: function () { show(current + 1); },
    previous: function () { show(current - 1); },
    first: function () { show(1); },
    last: function () { show(count); },
    document: function () {
      var hidden = body.classList.toggle('hide-document');
      document.querySelector('button[data-action="document"]').setAttribute('aria-pressed', String(!hidden));
    },
    // The graph alone, across the whole width, for a wide network on a projector.
    layout: function () {
      var alone = root.getAttribute('data-layout') !== 'graph';
      if (alone) root.setAttribute('data-layout', 'graph'); else root.removeAttribute('data-layout');
      document.querySelector('button[data-action="layout"]').setAttribute('aria-pressed', String(alone));
      show(current);
    },
    theme: function () {
      var theme = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', theme);
      try { localStorage.setItem('backprop-tutor-theme', theme); } catch (e) { /* a file: page may have no storage */ }
    }
  };

  // Presenter remotes send PageDown and PageUp.
  var keys = {
    ArrowRight: 'next', ' ': 'next', PageDown: 'next', ArrowDown: 'next',
    ArrowLeft: 'previous', PageUp: 'previous', ArrowUp: 'previous',
    Home: 'first', End: 'last', d: 'document', D: 'document', t: 'theme', T: 'theme',
    g: 'layout', G: 'layout'
  };

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    actions[action]();
  });

  document.querySelectorAll('button[data-action]').forEach(function (button) {
    button.addEventListener('click', function () { actions[button.getAttribute('data-action')](); });
  });

  items.forEach(function (item, i) {
    item.addEventListener('click', function () { show(i + 1); });
  });

  // `#step=12` opens step 12; `#step=12&keys=ArrowRight*3,d` then presses those keys, as a
  // person would (`Space` for the space bar).
  function fragment() {
    var fields = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) fields[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1));
    });
    return fields;
  }

  function press(list) {
    list.split(',').forEach(function (entry) {
      var match = /^(.+?)(?:\*(\d+))?$/.exec(entry.trim());
      if (!match) return;
      var key = match[1] === 'Space' ? ' ' : match[1];
      for (var n = Number(match[2] || 1); n > 0; n--) {
        document.dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true, cancelable: true }));
      }
    });
  }

  window.addEventListener('hashchange', function () {
    var step = Number(fragment().step);
    if (step >= 1 && step !== current) show(step);
  });

  var storedTheme = null;
  try { storedTheme = localStorage.getItem('backprop-tutor-theme'); } catch (e) { /* no storage */ }
  if (storedTheme === 'dark' || storedTheme === 'light') root.setAttribute('data-theme', storedTheme);

  window.addEventListener('resize', function () { fitPicture(); measurePicture(); });

  var opening = fragment();
  var requested = Number(opening.step);
  show(requested >= 1 ? requested : Number(body.getAttribute('data-start')) || 1);
  if (opening.keys) press(opening.keys);
  body.setAttribute('data-ready', 'true');
})();
