/*
 * gen_posts.c - deterministic synthetic social-media posts as JSON lines,
 * the input of bench/02-scan.sh.
 *
 * usage: gen_posts N [SEED] > posts.jsonl
 * Same N and SEED, same bytes, on every machine (own xorshift PRNG, no
 * locale, no libc rand).  About 190 bytes per line: {"id","source",
 * "author","url","ts","text"}.  The mix imitates a patrol feed: mostly
 * everyday chatter, some election talk without civil servants, a few
 * neutrality appeals and a few partisan posts by civil servants, with
 * slang, stretched letters, emoji (gesture emoji with skin tones),
 * hashtags, mentions and links.  Standalone: no netra headers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint64_t
rng(void)
{
	uint64_t x = rng_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1Dull;
}

static unsigned
pick(unsigned n)
{
	return (unsigned)(rng() % n);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const char *const everyday[] = {
	"pagi",     "ini",       "macet",      "banget",    "di",         "jalan",    "juanda",
	"hujan",    "deras",     "dari",       "subuh",     "sarapan",    "nasi",     "kuning",
	"enak",     "warung",    "dekat",      "rumah",     "anak",       "sekolah",  "libur",
	"besok",    "kerja",     "lembur",     "lagi",      "capek",      "tapi",     "semangat",
	"terima",   "kasih",     "semua",      "teman",     "yang",       "sudah",    "datang",
	"acara",    "keluarga",  "arisan",     "ibu",       "bapak",      "kemarin",  "pasar",
	"harga",    "cabai",     "naik",       "turun",     "beli",       "ikan",     "sungai",
	"mahakam",  "samarinda", "balikpapan", "bontang",   "tenggarong", "jembatan", "ramai",
	"weekend",  "nonton",    "bola",       "timnas",    "menang",     "kalah",    "seru",
	"kopi",     "susu",      "gula",       "aren",      "mantap",     "sekali",   "jangan",
	"lupa",     "bawa",      "payung",     "listrik",   "padam",      "lagi",     "air",
	"pdam",     "mati",      "sabar",      "semoga",    "cepat",      "pulih",    "sehat",
	"selalu",   "doa",       "bersama",    "pengajian", "masjid",     "gereja",   "kampung",
	"gotong",   "royong",    "bersih",     "selokan",   "rt",         "warga",    "kompak",
	"motor",    "mogok",     "bengkel",    "tutup",     "minggu",     "depan",    "gajian",
	"akhirnya", "cair",      "mau",        "jalan",     "jalan",      "ke",       "pantai",
	"manggar",  "foto",      "sunset",     "bagus",     "lucu",       "kucing",   "tetangga",
	"hilang",   "tolong",    "share",      "info",      "lowongan",   "kerja",    "admin",
	"toko",     "kue",       "ulang",      "tahun",     "adik",       "wisuda",   "kakak",
	"bangga",   "lulus",     "kuliah",     "kos",       "murah",      "dekat",    "kampus",
	"unmul",    "banjir",    "lagi",       "di",        "sempaja",    "surut",    "siang",
};

static const char *const slang[] = {"yg",   "gak",  "bgt", "udah", "gmn", "sy",
				    "utk",  "dgn",  "aja", "wkwk", "btw", "otw",
				    "gaes", "bund", "sih", "dong", "kok"};

static const char *const emoji[] = {"😂", "🙏", "🔥", "❤️", "😍", "👍", "🤣", "😭", "✨", "🥳"};

static const char *const tags[] = {"#Samarinda", "#KulinerKaltim", "#InfoBalikpapan",
				   "#Kaltim",    "#JumatBerkah",   "#MahakamLestari",
				   "#PesutEtam", "#KaltimMaju"};

static const char *const politics[] = {
	"paslon", "nomor", "urut",    "debat",   "kampanye", "akbar",  "relawan", "pendukung",
	"tps",    "kpu",   "bawaslu", "pilkada", "pilgub",   "coblos", "surat",   "suara",
	"quick",  "count", "prabowo", "gibran",  "anies",    "ganjar", "isran",   "rudy",
	"seno",   "caleg", "partai",  "golkar",  "gerindra", "pdip",   "baliho",  "spanduk",
	"visi",   "misi",  "program", "janji",
};

static const char *const asn[] = {"asn",  "pns",           "pak camat",         "bu lurah",
				  "guru", "kadis",         "pegawai kecamatan", "sekda",
				  "pppk", "kepala sekolah"};

static const char *const appeal[] = {
	"harus netral",
	"jaga netralitas",
	"dilarang kampanye",
	"sosialisasi netralitas",
	"imbauan bawaslu",
	"ikrar netralitas",
	"tidak boleh ikut politik praktis",
};

static const char *const partisan[] = {
	"ayo coblos 02",
	"dukung paslon 01",
	"pilih nomor 2",
	"ikut kampanye paslon 3",
	"jadi tim sukses",
	"foto bareng cagub",
	"pasang baliho caleg",
	"deklarasi dukungan",
	"salam dua jari ✌🏽",
	"share video kampanye",
	"dukunggg terus paslon 1 ☝️",
};

static void
add(char *buf, size_t *n, size_t cap, const char *s)
{
	size_t l = strlen(s);

	if (*n + l + 1 >= cap)
		return;
	if (*n)
		buf[(*n)++] = ' ';
	memcpy(buf + *n, s, l);
	*n += l;
}

static void
filler(char *buf, size_t *n, size_t cap, int words)
{
	int i;

	for (i = 0; i < words; i++) {
		unsigned r = pick(100);

		if (r < 8)
			add(buf, n, cap, slang[pick(N(slang))]);
		else if (r < 10)
			add(buf, n, cap, emoji[pick(N(emoji))]);
		else
			add(buf, n, cap, everyday[pick(N(everyday))]);
	}
}

static void
post_text(char *buf, size_t cap)
{
	unsigned kind = pick(1000);
	size_t n = 0;

	if (kind < 850) {
		filler(buf, &n, cap, 6 + (int)pick(7));
	} else if (kind < 960) {
		int i;

		filler(buf, &n, cap, 3 + (int)pick(4));
		for (i = 0; i < 3 + (int)pick(4); i++)
			add(buf, &n, cap, politics[pick(N(politics))]);
		filler(buf, &n, cap, 2 + (int)pick(3));
	} else if (kind < 990) {
		add(buf, &n, cap, asn[pick(N(asn))]);
		add(buf, &n, cap, appeal[pick(N(appeal))]);
		filler(buf, &n, cap, 4 + (int)pick(5));
	} else {
		filler(buf, &n, cap, 2 + (int)pick(3));
		add(buf, &n, cap, asn[pick(N(asn))]);
		add(buf, &n, cap, partisan[pick(N(partisan))]);
		filler(buf, &n, cap, 2 + (int)pick(4));
	}
	if (pick(100) < 15)
		add(buf, &n, cap, tags[pick(N(tags))]);
	if (pick(100) < 5)
		add(buf, &n, cap, "https://s.id/abc123");
	if (pick(100) < 5)
		add(buf, &n, cap, "@bawaslu_kaltim");
	buf[n] = '\0';
}

int
main(int argc, char **argv)
{
	static const char *const sources[] = {"x", "facebook", "instagram", "tiktok"};
	unsigned long long count, i;
	char text[512];

	if (argc < 2) {
		fprintf(stderr, "usage: gen_posts N [SEED]\n");
		return 2;
	}
	count = strtoull(argv[1], NULL, 10);
	rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 20240214;
	if (rng_state == 0)
		rng_state = 1;
	for (i = 1; i <= count; i++) {
		unsigned user = pick(90000) + 10000;

		post_text(text, sizeof(text));
		printf("{\"id\":\"p%07llu\",\"source\":\"%s\",\"author\":\"@u%u\","
		       "\"url\":\"https://x.com/u%u/"
		       "%llu\",\"ts\":\"2024-%02u-%02uT%02u:%02u:00+08:00\","
		       "\"text\":\"%s\"}\n",
		       i, sources[pick(N(sources))], user, user, 1000000ull + i, 1 + pick(11),
		       1 + pick(28), pick(24), pick(60), text);
	}
	return 0;
}
