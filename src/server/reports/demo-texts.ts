// Section texts of the demo's two published reports, written for the demo. Facts follow the
// public seed reports; the wording is our own.

export const weeklyReportTexts: Record<string, string> = {
  overview: '',
  'access-to-care': [
    'Den regionala särskilda organisationen stöttar förvaltningarna så att invånarna i södra området får den vård de behöver under införandet av Millennium.',
    '',
    '- Produktionscheferna i regionen samordnar sig dagligen sedan vecka 44 och har mandat att flytta patientflöden mellan sjukhusen när det behövs.',
    '- SÄS har ett hårt tryck: beläggningen är hög och inflödet av patienter stort, samtidigt som förberedelserna inför driftstarten tar mycket tid.',
    '- Från den 4 november hänvisas patienter som söker akut till andra akutmottagningar i regionen. Fler avlastande åtgärder kan komma inför driftstarten.',
    '- Den planerade vården på SÄS är pausad den här veckan för att ge utrymme åt förberedelserna.',
  ].join('\n'),
  'patient-safety': [
    'En grupp med representanter från flera förvaltningar följer patientsäkerheten före, under och efter införandet.',
    '',
    '- Regionens chefläkare har gjort en samlad bedömning: de berörda förvaltningarna har, med stöd av programmet, tagit det ansvar för patientsäkerheten som krävs.',
    '- Bedömningen förutsätter att medarbetarna har gått relevant utbildning, att andra förvaltningar tar över vårdproduktion vid behov och att det finns systemkunnigt stöd nära verksamheten.',
  ].join('\n'),
  programme: [
    '- Programmet följer 16-månadersplanen och alla milstolpar som krävs inför driftstart är passerade.',
    '- Leverantören förstärker med drygt 300 systemexperter under fyra veckor kring driftstarten, varav fler än 100 går runt i verksamheterna dygnet runt som stöd (så kallade floor walkers).',
    '- Millennium-coacher finns på alla arbetspass, och VGR Serviceportal tar emot ärenden dygnet runt via telefon, chatt och ärendesystem.',
  ].join('\n'),
  staff: [
    '- Arbetet med att ge alla användare rätt behörigheter och fungerande inloggning pågår intensivt. Läget har blivit bättre sedan förra veckan, men problemen tar fortfarande tid från förberedelserna.',
    '- Samverkan med de fackliga organisationerna sker oftare. Ett extra möte med den regionövergripande fackliga referensgruppen hålls den 15 november.',
    '- Facken frågar framför allt om utbildningens kvalitet, tidsplanen och påverkan på arbetsmiljön.',
  ].join('\n'),
  'communication-picture': [
    '- Information om hur akut vård erbjuds under införandet har gått ut som nyhet och pressmeddelande, och invånare hänvisas till 1177.se.',
    '- En kampanj i sociala medier förklarar var invånarna i södra området söker akut vård från vecka 45.',
    '- Medietrycket är fortsatt högt, med fokus på påverkan på akutsjukvården och på förvaltningarnas risk- och konsekvensanalyser.',
  ].join('\n'),
  comment: [
    '- Ett gemensamt vårdinformationssystem för hela regionen är efterlängtat men innebär stora förändringar. Fördelarna för patienter och medarbetare behöver lyftas fram.',
    '- Driftstarten ligger fast till tisdag den 12 november. Det kommer att ta tid innan arbetssätten sitter, och erfarenheterna tas med till kommande etapper.',
    '- Från den 4 november kan patienter som söker akut i Borås hänvisas till andra sjukhus medan SÄS byter journalsystem.',
  ].join('\n'),
  background: [
    'Driftstarten för Millennium i det södra området inleds den 12 november. Programmet driver införandet på regional nivå och förvaltningarna genom egna införandeprojekt. Första etappen omfattar Närhälsan, Regionhälsan, Regional laboratoriemedicin, Södra Älvsborgs Sjukhus samt Fastighet, stöd och service.',
    '',
    'Den regionala särskilda organisationen samordnar händelser, sammanställer en gemensam lägesbild, tar fram scenarier och bedömer om regionövergripande åtgärder behövs, så att akut vård och vård som inte kan vänta fortsätter att ges.',
  ].join('\n'),
};

export const closingReportTexts: Record<string, string> = {
  'event-description': [
    '- Läget på SÄS är nu stabilt, både när det gäller beläggningen i slutenvården och situationen på akutmottagningen. Därför återgår akutverksamheten till det normala tidigare än planerat.',
    '- Omstyrningen av gående patienter, ambulanser och sekundärtransporter upphörde i dag klockan 14.00. SÄS kan också börja ta hem patienter som vårdas på andra sjukhus.',
  ].join('\n'),
  circumstances: [
    '- Produktionschefernas samordningsgrupp har haft sitt sista möte inom ramen för den särskilda organisationen och går tillbaka till ordinarie arbetssätt nästa vecka.',
    '- Påverkan på produktion och tillgänglighet följs upp i flera steg; en fullständig analys väntas i januari 2025.',
    '- De tidigare journalsystemen är i drift igen. Information som registrerats i Millennium förs tillbaka, vilket påverkar produktionen en tid framöver.',
    '- Patientsäkerhetsfrågor hanteras från och med nu i den ordinarie organisationen. Möjligheten att läsa i Millennium utreds.',
  ].join('\n'),
  closing: [
    '- Detta är den sista regionala rapporten från den särskilda organisationen, som hade sitt sista möte i dag. Organisationen avslutas formellt den 26 november.',
    '- Erfarenheterna från de senaste veckorna tas tillvara i det fortsatta arbetet.',
  ].join('\n'),
  'communication-picture': [
    '- Medierna bevakar Millennium intensivt: 975 artiklar under den senaste veckan.',
    '- Frågorna gäller främst problemen under driften, den externa granskningen och vad som händer härnäst.',
    '- Lägesbilder och nyheter publiceras löpande.',
  ].join('\n'),
  comment: [
    '- SÄS har redan i dag återgått till normal akutverksamhet; patienter hänvisas inte längre till andra akutmottagningar.',
    '- Att ge en patientsäker vård är regionens viktigaste uppdrag och det går vi aldrig ifrån.',
  ].join('\n'),
  links: [
    '- [Regionala rapporter](https://intranat.example.se/millennium)',
    '- [Samlad information på intranätet](https://intranat.example.se/millennium)',
    '- [Vårdskiftets webbplats](https://intranat.example.se/millennium)',
  ].join('\n'),
};
