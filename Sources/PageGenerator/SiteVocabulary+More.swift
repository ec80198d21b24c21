extension SiteVocabulary {
    static let eastern: [SiteVocabulary] = [
        SiteVocabulary(
            language: "tr",
            words: words(
                """
                hükümet şehir insanlar rapor plan piyasa su okul sağlık polis mahkeme hafta yıl para aile yol \
                nehir meclis bakan şirket fiyat enerji proje araştırma köprü göre sonra önce sırasında karşı \
                arasında altında yeni eski yerel kamu ulusal büyük küçük son ilk birkaç ayrıca her zaman hâlâ
                """),
            teasers: ["Ayrıca okuyun:", "İlginizi çekebilir:", "İLGİLİ HABER |"],
            share: ["Facebook", "Twitter", "Paylaş", "WhatsApp", "Yazdır"],
            comments: [
                "Yorum yap", "E-posta adresiniz yayınlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir",
                "Yorum *", "Ad *", "E-posta *", "İnternet sitesi", "Yorum gönder",
            ],
            newsletter: ["Bültenimize abone olun", "En önemli haberler her sabah e-posta kutunuzda.", "Abone ol"],
            cookie:
                "Bu site deneyiminizi iyileştirmek için çerezler (cookie) kullanır. Devam ederek kabul etmiş "
                + "olursunuz.",
            rights: "© {y} Sabah Postası. Tüm hakları saklıdır.", by: "Yazan:",
            months: [
                "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım",
                "Aralık",
            ],
            dateFormats: ["{d} {M} {y} {H}:{i}", "{d}.{m}.{y} - {H}:{i}"]),
        SiteVocabulary(
            language: "id",
            words: words(
                """
                pemerintah kota warga laporan rencana pasar air sekolah kesehatan polisi pengadilan minggu tahun \
                uang keluarga jalan sungai dewan menteri perusahaan harga energi proyek penelitian jembatan \
                menurut setelah sebelum selama melawan antara bawah baru lama lokal umum nasional besar kecil \
                terakhir pertama beberapa juga selalu masih
                """),
            teasers: ["Baca juga:", "Simak juga:", "BACA JUGA |", "Berita terkait:"],
            share: ["Facebook", "Twitter", "Bagikan", "WhatsApp", "Salin tautan"],
            comments: [
                "Tinggalkan Balasan", "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
                "Komentar *", "Nama *", "Email *", "Situs web", "Kirim Komentar",
            ],
            newsletter: [
                "Berlangganan buletin kami", "Dapatkan berita terpenting setiap pagi di kotak masuk Anda.", "Daftar",
            ],
            cookie:
                "Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda. Dengan melanjutkan, Anda "
                + "menyetujuinya.",
            rights: "© {y} Harian Pagi. Hak cipta dilindungi undang-undang.", by: "Oleh",
            months: [
                "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
                "November", "Desember",
            ],
            dateFormats: ["{d} {M} {y} {H}:{i} WIB", "{d}/{m}/{y}, {H}:{i} WIB"]),
        SiteVocabulary(
            language: "vi",
            words: words(
                """
                chính phủ thành phố người dân báo cáo kế hoạch thị trường nước trường học sức khỏe cảnh sát tòa \
                án tuần năm tiền gia đình đường sông hội đồng bộ trưởng công ty giá năng lượng dự án nghiên cứu \
                cầu theo sau trước trong khi chống giữa dưới mới cũ địa phương công cộng quốc gia lớn nhỏ
                """),
            teasers: ["Xem thêm:", "Đọc thêm:", "TIN LIÊN QUAN |"],
            share: ["Facebook", "Zalo", "Chia sẻ", "Twitter", "In bài"],
            comments: [
                "Bình luận", "Email của bạn sẽ không được hiển thị công khai. Các trường bắt buộc được đánh dấu *",
                "Bình luận *", "Tên *", "Email *", "Trang web", "Gửi bình luận",
            ],
            newsletter: ["Đăng ký nhận bản tin", "Nhận tin tức quan trọng mỗi sáng trong hộp thư của bạn.", "Đăng ký"],
            cookie: "Trang web này sử dụng cookie để cải thiện trải nghiệm của bạn. Tiếp tục nghĩa là bạn đồng ý.",
            rights: "© {y} Báo Buổi Sáng. Bảo lưu mọi quyền.", by: "Tác giả:",
            months: [
                "tháng 1", "tháng 2", "tháng 3", "tháng 4", "tháng 5", "tháng 6", "tháng 7", "tháng 8", "tháng 9",
                "tháng 10", "tháng 11", "tháng 12",
            ],
            dateFormats: ["{d}/{m}/{y} {H}:{i} (GMT+7)", "ngày {d} {M} năm {y}, {H}:{i}"]),
        SiteVocabulary(
            language: "sv",
            words: words(
                """
                regeringen staden människor rapport plan marknad vatten skola hälsa polis domstol vecka år \
                pengar familj väg älv fullmäktige minister företag pris energi projekt studie bro enligt \
                efter före under mot mellan nya gamla lokala offentliga nationella stora små senaste första \
                flera också alltid fortfarande
                """),
            teasers: ["Läs också:", "Läs mer:", "LÄS OCKSÅ |"],
            share: ["Facebook", "Twitter", "Dela", "E-post", "Skriv ut"],
            comments: [
                "Lämna ett svar", "Din e-postadress kommer inte publiceras. Obligatoriska fält är märkta *",
                "Kommentar *", "Namn *", "E-post *", "Webbplats", "Publicera kommentar",
            ],
            newsletter: [
                "Prenumerera på vårt nyhetsbrev", "Dagens viktigaste nyheter varje morgon i din inkorg.", "Prenumerera",
            ],
            cookie: "Den här webbplatsen använder cookies. Genom att fortsätta godkänner du att vi använder cookies.",
            rights: "© {y} Morgonposten AB. Alla rättigheter förbehållna.", by: "Av",
            months: [
                "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                "november", "december",
            ],
            dateFormats: ["{d} {M} {y} kl. {H}.{i}", "{y}-{m}-{d} {H}:{i}", "Publicerad {d} {M} {y} {H}:{i}"]),
        SiteVocabulary(
            language: "da",
            words: words(
                """
                regeringen byen mennesker rapport plan marked vand skole sundhed politi domstol uge år penge \
                familie vej flod byrådet minister virksomhed pris energi projekt undersøgelse bro ifølge \
                efter før under mod mellem nye gamle lokale offentlige nationale store små seneste første \
                flere også altid stadig
                """),
            teasers: ["Læs også:", "Læs mere:", "LÆS OGSÅ |"],
            share: ["Facebook", "Twitter", "Del", "E-mail", "Udskriv"],
            comments: [
                "Skriv en kommentar", "Din e-mailadresse vil ikke blive publiceret. Krævede felter er markeret med *",
                "Kommentar *", "Navn *", "E-mail *", "Hjemmeside", "Send kommentar",
            ],
            newsletter: [
                "Tilmeld dig vores nyhedsbrev", "De vigtigste nyheder hver morgen i din indbakke.", "Tilmeld",
            ],
            cookie: "Dette websted bruger cookies. Ved at fortsætte accepterer du brugen af cookies.",
            rights: "© {y} Morgenavisen A/S. Alle rettigheder forbeholdes.", by: "Af",
            months: [
                "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
                "november", "december",
            ],
            dateFormats: ["{d}. {M} {y} kl. {H}.{i}", "{d}.{m}.{y} kl. {H}:{i}"]),
        SiteVocabulary(
            language: "fi",
            words: words(
                """
                hallitus kaupunki ihmiset raportti suunnitelma markkinat vesi koulu terveys poliisi tuomioistuin \
                viikko vuosi raha perhe tie joki valtuusto ministeri yritys hinta energia hanke tutkimus silta \
                mukaan jälkeen ennen aikana vastaan välillä alla uusi vanha paikallinen julkinen kansallinen \
                suuri pieni viimeisin ensimmäinen useita myös aina vielä
                """),
            teasers: ["Lue myös:", "Lue lisää:", "LUE MYÖS |"],
            share: ["Facebook", "Twitter", "Jaa", "Sähköposti", "Tulosta"],
            comments: [
                "Kommentoi", "Sähköpostiosoitettasi ei julkaista. Pakolliset kentät on merkitty *",
                "Kommentti *", "Nimi *", "Sähköposti *", "Kotisivu", "Lähetä kommentti",
            ],
            newsletter: ["Tilaa uutiskirjeemme", "Tärkeimmät uutiset joka aamu sähköpostiisi.", "Tilaa"],
            cookie: "Tämä sivusto käyttää evästeitä (cookies). Jatkamalla hyväksyt evästeiden käytön.",
            rights: "© {y} Aamulehti Oy. Kaikki oikeudet pidätetään.", by: "Teksti:",
            months: [
                "tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
                "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta",
            ],
            dateFormats: ["{d}.{m}.{y} klo {H}.{i}", "{d}. {M} {y} klo {H}.{i}"]),
        SiteVocabulary(
            language: "hu",
            words: words(
                """
                kormány város emberek jelentés terv piac víz iskola egészség rendőrség bíróság hét év pénz \
                család út folyó tanács miniszter vállalat ár energia projekt tanulmány híd szerint után előtt \
                alatt ellen között új régi helyi nyilvános nemzeti nagy kicsi legutóbbi első több szintén \
                mindig még
                """),
            teasers: ["Ez is érdekelheti:", "Olvassa el:", "KAPCSOLÓDÓ |"],
            share: ["Facebook", "Twitter", "Megosztás", "E-mail", "Nyomtatás"],
            comments: [
                "Hozzászólás", "Az e-mail címet nem tesszük közzé. A kötelező mezőket * karakterrel jelöltük",
                "Hozzászólás *", "Név *", "E-mail *", "Honlap", "Hozzászólás küldése",
            ],
            newsletter: [
                "Iratkozzon fel hírlevelünkre", "A legfontosabb hírek minden reggel a postafiókjában.", "Feliratkozás",
            ],
            cookie: "Ez a weboldal sütiket (cookie) használ. A böngészés folytatásával elfogadja azok használatát.",
            rights: "© {y} Reggeli Hírlap. Minden jog fenntartva.", by: "Szerző:",
            months: [
                "január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember",
                "október", "november", "december",
            ],
            dateFormats: ["{y}. {M} {d}. {H}:{i}", "{y}.{m}.{d}. {H}:{i}"]),
        SiteVocabulary(
            language: "ro",
            words: words(
                """
                guvernul orașul oamenii raportul planul piața apa școala sănătatea poliția instanța săptămâna \
                anul banii familia drumul râul consiliul ministrul compania prețul energia proiectul studiul \
                podul potrivit după înainte în timpul împotriva între sub nou vechi local public național mare \
                mic recent ultimul primul câteva de asemenea mereu încă
                """),
            teasers: ["Citește și:", "Vezi și:", "CITEȘTE ȘI |"],
            share: ["Facebook", "Twitter", "Distribuie", "WhatsApp", "Printează"],
            comments: [
                "Lasă un răspuns", "Adresa ta de email nu va fi publicată. Câmpurile obligatorii sunt marcate cu *",
                "Comentariu *", "Nume *", "Email *", "Site web", "Publică comentariul",
            ],
            newsletter: ["Abonează-te la newsletter", "Cele mai importante știri în fiecare dimineață.", "Abonare"],
            cookie: "Acest site folosește cookie-uri pentru a vă îmbunătăți experiența. Continuând, sunteți de acord.",
            rights: "© {y} Ziarul de Dimineață. Toate drepturile rezervate.", by: "De",
            months: [
                "ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
                "octombrie", "noiembrie", "decembrie",
            ],
            dateFormats: ["{d} {M} {y}, {H}:{i}", "{d}.{m}.{y} {H}:{i}"]),
        SiteVocabulary(
            language: "ja",
            words: words(
                """
                政府 市 住民 報告 計画 市場 水 学校 健康 警察 裁判所 週 年 お金 家族 道路 川 議会 大臣 会社 価格 \
                エネルギー 事業 調査 橋 によると 後 前 間 新しい 古い 地元 公共 全国 大きな 小さな 最近 最初 また
                """),
            teasers: ["関連記事：", "あわせて読みたい：", "【関連】"],
            share: ["Facebook", "X", "LINE", "はてな", "シェア"],
            comments: [
                "コメントを残す", "メールアドレスが公開されることはありません。 * が付いている欄は必須項目です",
                "コメント *", "名前 *", "メール *", "サイト", "コメントを送信",
            ],
            newsletter: ["ニュースレターに登録", "毎朝、重要なニュースをお届けします。", "登録する"],
            cookie: "当サイトではクッキー（cookie）を使用しています。閲覧を続けることで同意したものとみなします。",
            rights: "© {y} 朝日新報社 無断転載を禁じます。", by: "文：",
            months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
            dateFormats: ["{y}年{m}月{d}日 {H}時{i}分", "{y}/{m}/{d} {H}:{i}"]),
        SiteVocabulary(
            language: "zh",
            words: words(
                """
                政府 城市 居民 报告 计划 市场 水 学校 健康 警方 法院 周 年 资金 家庭 道路 河流 议会 部长 公司 价格 \
                能源 项目 研究 桥梁 根据 之后 之前 期间 之间 新的 旧的 当地 公共 全国 大型 小型 最近 首次 也
                """),
            teasers: ["相关阅读：", "延伸阅读：", "【相关新闻】"],
            share: ["微信", "微博", "分享", "QQ", "打印"],
            comments: [
                "发表评论", "您的电子邮箱地址不会被公开。 必填项已用 * 标注", "评论 *", "显示名称 *", "电子邮箱地址 *",
                "网站地址", "发表评论",
            ],
            newsletter: ["订阅我们的新闻简报", "每天早上把重要新闻送到您的邮箱。", "订阅"],
            cookie: "本网站使用 cookie 来改善您的体验。继续浏览即表示您同意。",
            rights: "© {y} 晨报传媒 版权所有", by: "作者：",
            months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
            dateFormats: ["{y}年{m}月{d}日 {H}:{i}", "{y}-{m}-{d} {H}:{i}"]),
    ]
}
