/// One paragraph of news prose in each of 58 languages (the same story each time, written for
/// these tests): what the language detector must name from the text alone.
enum LanguageSamples {
    static let paragraphs: [(code: String, text: String)] = [
        (
            "en",
            """
            The council said on Tuesday that the old bridge over the river would stay closed for the \
            whole winter, while engineers check the stones and the ferry runs again every hour.
            """
        ),
        (
            "fr",
            """
            Le conseil municipal a annoncé mardi que le vieux pont sur la rivière resterait fermé tout \
            l'hiver, le temps que les ingénieurs vérifient les pierres et que le bac reprenne du \
            service.
            """
        ),
        (
            "de",
            """
            Der Stadtrat teilte am Dienstag mit, dass die alte Brücke über den Fluss den ganzen Winter \
            über gesperrt bleibt, während Ingenieure die Steine prüfen und die Fähre wieder stündlich \
            fährt.
            """
        ),
        (
            "es",
            """
            El ayuntamiento anunció el martes que el viejo puente sobre el río permanecerá cerrado \
            durante todo el invierno, mientras los ingenieros revisan las piedras y el transbordador \
            vuelve a funcionar.
            """
        ),
        (
            "it",
            """
            Il consiglio comunale ha annunciato martedì che il vecchio ponte sul fiume resterà chiuso \
            per tutto l'inverno, mentre gli ingegneri controllano le pietre e il traghetto torna a \
            partire ogni ora.
            """
        ),
        (
            "pt",
            """
            A câmara municipal anunciou na terça-feira que a velha ponte sobre o rio vai ficar fechada \
            durante todo o inverno, enquanto os engenheiros verificam as pedras e o barco volta a \
            circular.
            """
        ),
        (
            "nl",
            """
            De gemeenteraad maakte dinsdag bekend dat de oude brug over de rivier de hele winter \
            gesloten blijft, terwijl ingenieurs de stenen controleren en de veerboot weer elk uur \
            vaart.
            """
        ),
        (
            "pl",
            """
            Rada miasta poinformowała we wtorek, że stary most na rzece pozostanie zamknięty przez \
            całą zimę, a inżynierowie sprawdzą kamienie, podczas gdy prom znowu będzie kursował co \
            godzinę.
            """
        ),
        (
            "cs",
            """
            Městská rada v úterý oznámila, že starý most přes řeku zůstane celou zimu uzavřený, \
            zatímco inženýři kontrolují kameny a přívoz znovu jezdí každou hodinu.
            """
        ),
        (
            "sk",
            """
            Mestská rada v utorok oznámila, že starý most cez rieku zostane celú zimu zatvorený, kým \
            inžinieri skontrolujú kamene a kompa bude opäť premávať každú hodinu.
            """
        ),
        (
            "hu",
            """
            A városi tanács kedden bejelentette, hogy a folyó feletti régi híd egész télen zárva \
            marad, amíg a mérnökök átvizsgálják a köveket, és a komp ismét óránként közlekedik.
            """
        ),
        (
            "ro",
            """
            Consiliul local a anunțat marți că vechiul pod peste râu va rămâne închis pe toată durata \
            iernii, în timp ce inginerii verifică pietrele, iar bacul circulă din nou în fiecare oră.
            """
        ),
        (
            "sv",
            """
            Kommunfullmäktige meddelade i tisdags att den gamla bron över älven förblir stängd hela \
            vintern medan ingenjörerna kontrollerar stenarna och färjan åter går varje timme.
            """
        ),
        (
            "da",
            """
            Byrådet meddelte tirsdag, at den gamle bro over floden forbliver lukket hele vinteren, \
            mens ingeniørerne undersøger stenene, og færgen igen sejler hver time.
            """
        ),
        (
            "no",
            """
            Bystyret opplyste tirsdag at den gamle brua over elva blir stengt hele vinteren, mens \
            ingeniørene undersøker steinene og ferja igjen går hver time.
            """
        ),
        (
            "fi",
            """
            Kaupunginvaltuusto kertoi tiistaina, että joen ylittävä vanha silta pysyy suljettuna koko \
            talven, kun insinöörit tarkastavat kivet ja lautta kulkee taas tunnin välein.
            """
        ),
        (
            "et",
            """
            Linnavolikogu teatas teisipäeval, et vana sild üle jõe jääb kogu talveks suletuks, samal \
            ajal kui insenerid kontrollivad kive ja praam sõidab taas iga tund.
            """
        ),
        (
            "lv",
            """
            Pilsētas dome otrdien paziņoja, ka vecais tilts pār upi paliks slēgts visu ziemu, kamēr \
            inženieri pārbauda akmeņus un prāmis atkal kursē katru stundu.
            """
        ),
        (
            "lt",
            """
            Miesto taryba antradienį pranešė, kad senasis tiltas per upę liks uždarytas visą žiemą, \
            kol inžinieriai tikrins akmenis, o keltas vėl plauks kas valandą.
            """
        ),
        (
            "sl",
            """
            Mestni svet je v torek sporočil, da bo stari most čez reko vso zimo zaprt, medtem ko \
            inženirji pregledujejo kamne in trajekt spet vozi vsako uro.
            """
        ),
        (
            "hr",
            """
            Gradsko vijeće priopćilo je u utorak da će stari most preko rijeke ostati zatvoren cijelu \
            zimu dok inženjeri provjeravaju kamenje, a trajekt ponovno plovi svakih sat vremena.
            """
        ),
        (
            "ca",
            """
            L'ajuntament va anunciar dimarts que el vell pont sobre el riu romandrà tancat durant tot \
            l'hivern, mentre els enginyers revisen les pedres i el transbordador torna a funcionar \
            cada hora.
            """
        ),
        (
            "tr",
            """
            Belediye meclisi salı günü yaptığı açıklamada, nehir üzerindeki eski köprünün mühendisler \
            taşları incelerken bütün kış kapalı kalacağını ve feribotun yeniden her saat başı \
            çalışacağını bildirdi.
            """
        ),
        (
            "id",
            """
            Dewan kota mengumumkan pada hari Selasa bahwa jembatan tua di atas sungai akan tetap \
            ditutup sepanjang musim dingin, sementara para insinyur memeriksa batu dan kapal feri \
            kembali beroperasi setiap jam.
            """
        ),
        (
            "vi",
            """
            Hội đồng thành phố hôm thứ Ba thông báo rằng cây cầu cũ bắc qua sông sẽ đóng cửa suốt mùa \
            đông, trong khi các kỹ sư kiểm tra đá và phà hoạt động trở lại mỗi giờ.
            """
        ),
        (
            "ru",
            """
            Городской совет во вторник сообщил, что старый мост через реку останется закрытым всю \
            зиму, пока инженеры проверяют камни, а паром снова ходит каждый час.
            """
        ),
        (
            "uk",
            """
            Міська рада у вівторок повідомила, що старий міст через річку залишиться закритим усю \
            зиму, поки інженери перевіряють каміння, а пором знову курсує щогодини.
            """
        ),
        (
            "bg",
            """
            Общинският съвет съобщи във вторник, че старият мост над реката ще остане затворен през \
            цялата зима, докато инженерите проверяват камъните, а фериботът отново плава всеки час.
            """
        ),
        (
            "sr",
            """
            Градско веће саопштило је у уторак да ће стари мост преко реке остати затворен целе зиме \
            док инжењери проверавају камење, а трајект поново саобраћа сваког сата.
            """
        ),
        (
            "el",
            """
            Το δημοτικό συμβούλιο ανακοίνωσε την Τρίτη ότι η παλιά γέφυρα πάνω από το ποτάμι θα \
            παραμείνει κλειστή όλο τον χειμώνα, ενώ οι μηχανικοί ελέγχουν τις πέτρες και το πλοίο \
            ξαναπηγαίνει κάθε ώρα.
            """
        ),
        (
            "he",
            """
            מועצת העיר הודיעה ביום שלישי כי הגשר הישן מעל הנהר יישאר סגור כל החורף, בזמן שהמהנדסים \
            בודקים את האבנים והמעבורת חוזרת לפעול מדי שעה.
            """
        ),
        (
            "ar",
            """
            أعلن مجلس المدينة يوم الثلاثاء أن الجسر القديم فوق النهر سيبقى مغلقا طوال فصل الشتاء، \
            بينما يفحص المهندسون الحجارة وتعود العبارة إلى العمل كل ساعة.
            """
        ),
        (
            "fa",
            """
            شورای شهر روز سه‌شنبه اعلام کرد که پل قدیمی روی رودخانه در تمام زمستان بسته می‌ماند، در \
            حالی که مهندسان سنگ‌ها را بررسی می‌کنند و کشتی دوباره هر ساعت حرکت می‌کند.
            """
        ),
        (
            "ur",
            """
            شہر کی کونسل نے منگل کو اعلان کیا کہ دریا پر بنا پرانا پل پوری سردیوں میں بند رہے گا، جبکہ \
            انجینئر پتھروں کی جانچ کر رہے ہیں اور کشتی دوبارہ ہر گھنٹے چلے گی۔
            """
        ),
        (
            "hi",
            """
            नगर परिषद ने मंगलवार को बताया कि नदी पर बना पुराना पुल पूरी सर्दी बंद रहेगा, जबकि इंजीनियर \
            पत्थरों की जाँच करेंगे और नाव फिर से हर घंटे चलेगी।
            """
        ),
        (
            "mr",
            """
            नगर परिषदेने मंगळवारी जाहीर केले की नदीवरील जुना पूल संपूर्ण हिवाळ्यात बंद राहील, तर \
            अभियंते दगडांची तपासणी करतील आणि बोट पुन्हा दर तासाला धावेल.
            """
        ),
        (
            "bn",
            """
            পৌর পরিষদ মঙ্গলবার জানিয়েছে যে নদীর উপরের পুরনো সেতুটি পুরো শীতকাল বন্ধ থাকবে, যখন \
            প্রকৌশলীরা পাথরগুলো পরীক্ষা করবেন এবং নৌকা আবার প্রতি ঘণ্টায় চলবে।
            """
        ),
        (
            "ja",
            """
            市議会は火曜日、川に架かる古い橋を冬の間ずっと閉鎖すると発表した。技術者が石を点検する間、フェリーが再び毎時運航する。
            """
        ),
        (
            "zh",
            """
            市议会周二宣布，河上的旧桥将在整个冬季保持关闭，工程师将检查石块，渡轮将再次每小时运行一班。
            """
        ),
        (
            "ko",
            """
            시의회는 화요일 강 위의 오래된 다리가 겨울 내내 폐쇄될 것이라고 발표했으며, 기술자들이 돌을 점검하는 동안 여객선이 다시 매시간 운항한다고 밝혔다.
            """
        ),
        (
            "th",
            """
            สภาเมืองประกาศเมื่อวันอังคารว่าสะพานเก่าข้ามแม่น้ำจะปิดตลอดฤดูหนาว ขณะที่วิศวกรตรวจสอบหิน \
            และเรือข้ามฟากจะกลับมาให้บริการทุกชั่วโมง
            """
        ),
        (
            "ms",
            """
            Majlis bandaraya mengumumkan pada hari Selasa bahawa jambatan lama di atas sungai akan \
            kekal ditutup sepanjang musim sejuk, sementara jurutera memeriksa batu dan feri kembali \
            beroperasi setiap jam.
            """
        ),
        (
            "sw",
            """
            Baraza la jiji lilitangaza Jumanne kwamba daraja la zamani juu ya mto litabaki limefungwa \
            msimu wote wa baridi, wakati wahandisi wanakagua mawe na kivuko kinaanza tena kila saa.
            """
        ),
        (
            "af",
            """
            Die stadsraad het Dinsdag aangekondig dat die ou brug oor die rivier die hele winter \
            gesluit sal bly terwyl ingenieurs die klippe ondersoek en die pont weer elke uur vaar.
            """
        ),
        (
            "eu",
            """
            Udalak asteartean jakinarazi zuen ibaiaren gaineko zubi zaharra negu osoan itxita egongo \
            dela, ingeniariek harriak aztertzen dituzten bitartean, eta ferria berriro ordu oro \
            ibiliko dela.
            """
        ),
        (
            "gl",
            """
            O concello anunciou o martes que a vella ponte sobre o río permanecerá pechada durante \
            todo o inverno, mentres os enxeñeiros revisan as pedras e o transbordador volve funcionar \
            cada hora.
            """
        ),
        (
            "is",
            """
            Borgarstjórnin tilkynnti á þriðjudag að gamla brúin yfir ána verði lokuð allan veturinn á \
            meðan verkfræðingar skoða steinana og ferjan siglir aftur á hverri klukkustund.
            """
        ),
        (
            "cy",
            """
            Cyhoeddodd y cyngor ddydd Mawrth y bydd yr hen bont dros yr afon ar gau drwy gydol y \
            gaeaf, tra bod peirianwyr yn archwilio'r cerrig a'r fferi yn rhedeg eto bob awr.
            """
        ),
        (
            "ga",
            """
            D'fhógair an chomhairle Dé Máirt go bhfanfaidh an seandroichead thar an abhainn dúnta i \
            rith an gheimhridh ar fad, fad a bheidh innealtóirí ag scrúdú na gcloch.
            """
        ),
        (
            "tl",
            """
            Inihayag ng konseho ng lungsod noong Martes na mananatiling sarado ang lumang tulay sa \
            ibabaw ng ilog sa buong taglamig habang sinusuri ng mga inhinyero ang mga bato at muling \
            bumibiyahe ang lantsa bawat oras.
            """
        ),
        (
            "lb",
            """
            De Gemengerot huet en Dënschdeg matgedeelt, datt déi al Bréck iwwer de Floss de ganze \
            Wanter zou bleift, während d'Ingenieuren d'Steng kontrolléieren an d'Fähr erëm all Stonn \
            fiert.
            """
        ),
        (
            "mt",
            """
            Il-kunsill lokali ħabbar nhar it-Tlieta li l-pont il-qadim fuq ix-xmara se jibqa' magħluq \
            matul ix-xitwa kollha, waqt li l-inġiniera jiċċekkjaw il-ġebel u l-vapur jerġa' jibda kull \
            siegħa.
            """
        ),
        (
            "kk",
            """
            Қалалық кеңес сейсенбіде өзен үстіндегі ескі көпір қыс бойы жабық болатынын хабарлады, ал \
            инженерлер тастарды тексеріп, паром қайтадан сағат сайын жүреді.
            """
        ),
        (
            "be",
            """
            Гарадскі савет у аўторак паведаміў, што стары мост праз раку застанецца зачыненым усю \
            зіму, пакуль інжынеры правяраюць камяні, а паром зноў ходзіць кожную гадзіну.
            """
        ),
        (
            "mk",
            """
            Градскиот совет соопшти во вторник дека стариот мост преку реката ќе остане затворен цела \
            зима, додека инженерите ги проверуваат камењата, а траектот повторно плови секој час.
            """
        ),
        (
            "ka",
            """
            ქალაქის საბჭომ სამშაბათს გამოაცხადა, რომ მდინარეზე გადებული ძველი ხიდი მთელი ზამთარი \
            დაკეტილი დარჩება, სანამ ინჟინრები ქვებს ამოწმებენ.
            """
        ),
        (
            "hy",
            """
            Քաղաքային խորհուրդը երեքշաբթի հայտարարեց, որ գետի վրայի հին կամուրջը ամբողջ ձմեռ փակ կմնա, \
            մինչ ինժեներները ստուգում են քարերը։
            """
        ),
        (
            "ne",
            """
            नगर परिषदले मंगलबार नदीमाथिको पुरानो पुल पूरै जाडोभरि बन्द रहने घोषणा गर्‍यो, जबकि \
            इन्जिनियरहरूले ढुङ्गाहरू जाँच गर्दैछन्।
            """
        ),
    ]
}
