// kantor.js - small enhancements of the officers' pages; every page and
// form works without it.  Select-all for the bulk actions, a confirmation
// before irreversible steps, and the evaluator preview loaded in place.
(function () {
	'use strict';

	var all = document.getElementById('pilih-semua');
	if (all) {
		all.hidden = false;
		all.addEventListener('change', function () {
			var boxes = document.querySelectorAll('input.pilih');
			for (var i = 0; i < boxes.length; i++) boxes[i].checked = all.checked;
		});
	}

	document.addEventListener('submit', function (ev) {
		var b = ev.submitter;
		var msg = b && b.getAttribute('data-confirm');
		if (msg && !window.confirm(msg)) ev.preventDefault();
	});

	// The preview link is a GET of the same page with ?pratinjau=; fetch it
	// and move the rendered preview into place instead of reloading.
	var links = document.querySelectorAll('a.js-preview');
	for (var i = 0; i < links.length; i++) {
		links[i].addEventListener('click', function (ev) {
			var a = ev.currentTarget;
			var id = a.getAttribute('data-target');
			var box = document.getElementById(id);
			if (!box || !window.fetch || !window.DOMParser) return;
			ev.preventDefault();
			box.setAttribute('aria-busy', 'true');
			fetch(a.href, { credentials: 'same-origin' })
				.then(function (r) { return r.text(); })
				.then(function (html) {
					var doc = new DOMParser().parseFromString(html, 'text/html');
					var fresh = doc.getElementById(id);
					if (fresh) box.innerHTML = fresh.innerHTML;
					box.removeAttribute('aria-busy');
				})
				.catch(function () { window.location.href = a.href; });
		});
	}
})();
