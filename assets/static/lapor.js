// lapor.js - progressive enhancement of /lapor and of its receipt.  Every
// feature is optional: the pages work without this file.
//  - steps: on a small screen, one fieldset at a time with Next/Back (not when
//    the form came back with errors: then every message stays in view);
//  - regions: cascading province -> kab/kota -> kecamatan selects fed by
//    GET /api/v1/regions/{code};
//  - filing limit: computed live by POST /api/v1/deadlines when the election,
//    the dates or the region change (the same messages as the server's);
//  - upload: the report is sent with XMLHttpRequest so a <progress> shows the
//    upload; the answer (receipt, or the form with its messages) replaces the
//    page, so a reload never sends the report twice;
//  - receipt: a print button; details are opened for printing.
(function () {
	'use strict';
	var doc = document;

	function all(sel, root) {
		return Array.prototype.slice.call((root || doc).querySelectorAll(sel));
	}
	function fill(tmpl, vals) {
		return String(tmpl || '').replace(/\{(\w+)\}/g, function (m, k) {
			return Object.prototype.hasOwnProperty.call(vals, k) ? String(vals[k]) : m;
		});
	}
	function csrf(form) {
		var c = form.querySelector('input[name=csrf]');
		return c ? c.value : null;
	}
	function jsonHeaders(form) {
		var h = { 'Content-Type': 'application/json', Accept: 'application/json' };
		var t = csrf(form);
		if (t) h['X-CSRF-Token'] = t;
		return h;
	}

	// --- regions --------------------------------------------------------------
	function regions(form) {
		function clear(sel) {
			while (sel.options.length > 1) sel.remove(1);
		}
		function load(sel) {
			var child = doc.getElementById(sel.getAttribute('data-child'));
			var grand;
			if (!child) return;
			grand = doc.getElementById(child.getAttribute('data-child') || '');
			clear(child);
			if (grand) clear(grand);
			if (!sel.value) return;
			child.setAttribute('aria-busy', 'true');
			fetch('/api/v1/regions/' + encodeURIComponent(sel.value), { headers: { Accept: 'application/json' } })
				.then(function (r) { return r.ok ? r.json() : null; })
				.then(function (j) {
					(j && j.children || []).forEach(function (c) {
						child.add(new Option(c.name, c.code));
					});
				})
				.catch(function () {})
				.then(function () { child.removeAttribute('aria-busy'); });
		}
		all('select[data-child]', form).forEach(function (sel) {
			sel.addEventListener('change', function () { load(sel); });
		});
	}

	// --- the filing limit -------------------------------------------------------
	function isoAdd(iso, days) {
		var d = new Date(iso + 'T00:00:00Z');
		d.setUTCDate(d.getUTCDate() + days);
		return d.toISOString().slice(0, 10);
	}
	function longDate(iso) {
		var lang = doc.documentElement.lang === 'en' ? 'en-GB' : 'id-ID';
		try {
			return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long',
				year: 'numeric', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
		} catch (e) {
			return iso;
		}
	}
	function deadline(form) {
		var box = doc.getElementById('batas-waktu');
		var ids = ['f-pemilihan', 'f-peristiwa-waktu_kejadian', 'f-peristiwa-waktu_diketahui',
			'f-wilayah-provinsi', 'f-wilayah-kabkota', 'f-wilayah-kecamatan'];
		var el = ids.map(function (id) { return doc.getElementById(id); });
		var seq = 0;
		if (!box || el.indexOf(null) >= 0) return;

		function show(state, text, explanation) {
			var p, strong, det, sum, ep;
			box.className = 'batas' + (state ? ' batas-' + state : '');
			box.textContent = '';
			if (!state) return;
			p = doc.createElement('p');
			strong = doc.createElement('strong');
			strong.textContent = text;
			p.appendChild(strong);
			box.appendChild(p);
			if (explanation) {
				det = doc.createElement('details');
				sum = doc.createElement('summary');
				sum.textContent = form.getAttribute('data-why');
				ep = doc.createElement('p');
				ep.textContent = explanation;
				det.appendChild(sum);
				det.appendChild(ep);
				box.appendChild(det);
			}
		}
		// a limit counted past the holiday data says so (the server's wording)
		function provisional(j, text) {
			if (!j.provisional) return text;
			return fill(form.getAttribute('data-hint-provisional'), { text: text,
				prov: fill(form.getAttribute('data-provisional'),
					{ years: (j.provisional_years || []).join(', ') }) });
		}
		function render(j) {
			var today = form.getAttribute('data-today'), due = j.due, n = 0, d, skipped;
			var vals = { due: longDate(due) };
			if (due < today && j.provisional && j.due_latest && j.due_latest >= today)
				return show('unsure', provisional(j, fill(form.getAttribute('data-hint-unsure'), vals)), j.explanation);
			if (due < today) return show('late', provisional(j, fill(form.getAttribute('data-hint-late'), vals)), j.explanation);
			if (due === today) return show('today', provisional(j, fill(form.getAttribute('data-hint-today'), vals)), j.explanation);
			skipped = {};
			(j.skipped || []).forEach(function (s) { skipped[s.date] = true; });
			for (d = isoAdd(today, 1); d <= due; d = isoAdd(d, 1))
				if (j.unit !== 'hari_kerja' || !skipped[d]) n++;
			vals.n = n;
			vals.unit = form.getAttribute(j.unit === 'hari_kerja' ? 'data-unit-hari_kerja' : 'data-unit-hari');
			show('ok', provisional(j, fill(form.getAttribute('data-hint-ok'), vals)), j.explanation);
		}
		function update() {
			var opt = el[0].options[el[0].selectedIndex];
			var kind = opt ? opt.getAttribute('data-kind') : null;
			var start = el[2].value || el[1].value;
			var region = el[5].value || el[4].value || el[3].value;
			var body, mine = ++seq;
			if (!kind || !/^\d{4}-\d{2}-\d{2}$/.test(start)) return show(null);
			body = { rule: kind + '.laporan', start: start };
			if (region) body.region = region;
			fetch('/api/v1/deadlines', { method: 'POST', headers: jsonHeaders(form), body: JSON.stringify(body) })
				.then(function (r) {
					return r.json().then(function (j) { return { ok: r.ok, j: j }; });
				})
				.then(function (res) {
					if (mine !== seq) return;
					if (res.ok) render(res.j);
					else show('unknown', fill(form.getAttribute('data-hint-unknown'), { reason: res.j.detail || '' }));
				})
				.catch(function () {});
		}
		el.forEach(function (e) { e.addEventListener('change', update); });
	}

	// --- steps on small screens -------------------------------------------------
	function steps(form) {
		var sets = all('fieldset.step', form);
		if (sets.length < 2 || !window.matchMedia || !window.matchMedia('(max-width: 47.99rem)').matches ||
			doc.getElementById('ringkasan'))
			return;
		function go(i, focus) {
			sets.forEach(function (fs, k) { fs.classList.toggle('step-hidden', k !== i); });
			if (focus) {
				sets[i].setAttribute('tabindex', '-1');
				sets[i].focus();
				sets[i].scrollIntoView();
			}
		}
		function button(text, cls, fn) {
			var b = doc.createElement('button');
			b.type = 'button';
			b.textContent = text;
			if (cls) b.className = cls;
			b.addEventListener('click', fn);
			return b;
		}
		sets.forEach(function (fs, i) {
			var nav = doc.createElement('div'), count = doc.createElement('p');
			count.className = 'step-count';
			count.textContent = fill(form.getAttribute('data-step'), { n: i + 1, total: sets.length });
			fs.insertBefore(count, fs.querySelector('legend').nextSibling);
			nav.className = 'step-nav';
			if (i > 0) nav.appendChild(button(form.getAttribute('data-back'), 'secondary', function () { go(i - 1, true); }));
			if (i < sets.length - 1) nav.appendChild(button(form.getAttribute('data-next'), '', function () { go(i + 1, true); }));
			fs.appendChild(nav);
		});
		go(0, false);
	}

	// --- sending with progress ------------------------------------------------------
	function swap(html) {
		var d = new DOMParser().parseFromString(html, 'text/html');
		var target;
		all('script', d).forEach(function (s) { s.remove(); });
		doc.title = d.title;
		doc.body.replaceWith(doc.adoptNode(d.body));
		window.scrollTo(0, 0);
		init();
		target = doc.getElementById('ringkasan') || doc.querySelector('h1');
		if (target) {
			if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
			target.focus();
		}
	}
	function upload(form) {
		var box = doc.getElementById('unggah'), bar = doc.getElementById('unggah-progress');
		var pct = doc.getElementById('unggah-persen'), files = doc.getElementById('f-berkas');
		var send = form.querySelector('button[value=kirim]');
		function say(text) {
			var p = doc.getElementById('unggah-pesan') || doc.createElement('p');
			p.id = 'unggah-pesan';
			p.className = 'field-error';
			p.setAttribute('role', 'alert');
			p.textContent = text;
			send.parentNode.insertBefore(p, send);
		}
		form.addEventListener('submit', function (e) {
			var max = Number(form.getAttribute('data-max-file')), total = 0, i, f, fd, xhr;
			if (e.submitter && e.submitter.value !== 'kirim') {
				e.preventDefault(); // regions and the limit are live here
				return;
			}
			if (!window.FormData || !box || !bar) return;
			for (i = 0; files && i < files.files.length; i++) {
				f = files.files[i];
				total += f.size;
				if (f.size > max) {
					e.preventDefault();
					say(fill(form.getAttribute('data-too-big'), { name: f.name, max: Math.floor(max / 1048576) }));
					return;
				}
			}
			if (total > Number(form.getAttribute('data-max-total'))) {
				e.preventDefault();
				say(fill(form.getAttribute('data-too-big'), { name: '', max: Math.floor(Number(form.getAttribute('data-max-total')) / 1048576) }));
				return;
			}
			e.preventDefault();
			fd = new FormData(form);
			fd.set('aksi', 'kirim');
			xhr = new XMLHttpRequest();
			box.hidden = false;
			send.disabled = true;
			xhr.upload.addEventListener('progress', function (ev) {
				if (!ev.lengthComputable) return;
				bar.value = Math.round(ev.loaded * 100 / ev.total);
				pct.textContent = bar.value + '%';
			});
			xhr.addEventListener('load', function () {
				var ct = xhr.getResponseHeader('Content-Type') || '';
				if (ct.indexOf('text/html') === 0) return swap(xhr.responseText);
				send.disabled = false;
				box.hidden = true;
				say(form.getAttribute('data-failed'));
			});
			function failed() {
				send.disabled = false;
				box.hidden = true;
				say(form.getAttribute('data-failed'));
			}
			xhr.addEventListener('error', failed);
			xhr.addEventListener('abort', failed);
			xhr.open('POST', form.getAttribute('action'));
			xhr.setRequestHeader('Accept', 'text/html');
			xhr.send(fd);
		});
	}

	// --- the receipt ------------------------------------------------------------------
	function receipt() {
		all('.js-print').forEach(function (b) {
			b.hidden = false;
			b.addEventListener('click', function () { window.print(); });
		});
	}
	var opened = [];
	window.addEventListener('beforeprint', function () {
		opened = all('details:not([open])');
		opened.forEach(function (d) { d.open = true; });
	});
	window.addEventListener('afterprint', function () {
		opened.forEach(function (d) { d.open = false; });
		opened = [];
	});

	function init() {
		var form = doc.getElementById('lapor');
		doc.documentElement.classList.add('js');
		if (form) {
			regions(form);
			deadline(form);
			steps(form);
			upload(form);
		}
		receipt();
	}
	init();
})();
