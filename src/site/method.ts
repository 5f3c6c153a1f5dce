import type { Lang } from '../study/schema.ts';
import type { EditionModel, ReportModel } from '../model/types.ts';
import { formatCount, formatNumber, formatPercent } from '../format/number.ts';
import { t } from '../i18n/index.ts';
import { DISCLOSURE_FLOOR } from '../study/disclosure.ts';
import type { TableView } from './tables.ts';

/** Respondents, weighting and margins of error per group. */
export function respondentsTable(edition: EditionModel, lang: Lang): TableView {
  const r = edition.respondents;
  const row = (label: string, g: { n?: number; effectiveN?: number; designEffect?: number; marginOfError?: number }) => [
    { text: label },
    { text: g.n === undefined ? t(lang, 'ui.suppressed', { base: DISCLOSURE_FLOOR }) : formatCount(g.n, lang) },
    { text: g.effectiveN === undefined ? '–' : formatCount(g.effectiveN, lang) },
    { text: g.designEffect === undefined ? '–' : formatNumber(g.designEffect, 2, lang) },
    { text: g.marginOfError === undefined ? '–' : `±${formatPercent(g.marginOfError, lang, 1)}` },
  ];
  const columns = [t(lang, 'ui.respondents'), t(lang, 'ui.effectiveN'), t(lang, 'ui.designEffect'), t(lang, 'ui.marginOfError')];
  // Without groups the study is one sample: its one row is the edition's, not "all respondents" of no groups.
  if (r.groups.length === 0) return { caption: t(lang, 'ui.respondents'), head: [t(lang, 'ui.year'), ...columns], numeric: [false, true, true, true, true], rows: [row(String(edition.year), r)] };
  return {
    caption: t(lang, 'ui.respondents'),
    head: [t(lang, 'ui.groups'), ...columns],
    numeric: [false, true, true, true, true],
    rows: [...r.groups.map((g) => row(g.label[lang], g)), row(t(lang, 'ui.total'), r)],
  };
}

/** The method text, paragraph by paragraph, in the report language. */
export function methodParagraphs(model: ReportModel, lang: Lang): { heading: string; paragraphs: string[] }[] {
  const s = model.study;
  const scale = `${s.scale.min}–${s.scale.max}`;
  const cantSay = s.scale.cantSay.join(', ');
  const top = `${s.scale.max - s.scale.topBox + 1}–${s.scale.max}`;
  const last = model.editions[model.editions.length - 1];
  const outcome = (s.drivers && last?.indicators.find((i) => i.id === s.drivers!.outcome)?.label[lang]) ?? '';
  if (lang === 'fi') {
    return [
      {
        heading: t(lang, 'ui.weighting'),
        paragraphs: [
          'Jokainen sidosryhmä on oma otoksensa (ositettu otanta). Vastaukset painotetaan aineiston painomuuttujalla, jolloin tulokset kuvaavat perusjoukkoa eivätkä vain vastaajia. Efektiivinen otoskoko (Kishin kaava) kertoo, kuinka suurta painottamatonta otosta painotettu aineisto vastaa; asetelmakerroin on vastaajamäärän ja efektiivisen otoskoon suhde.',
          'Virhemarginaali on 95 %:n luottamusvälin puolikas 50 %:n osuudelle efektiivisellä otoskoolla laskettuna.',
        ],
      },
      {
        heading: t(lang, 'ui.formulas'),
        paragraphs: [
          `Väittämiin vastataan asteikolla ${scale}; vastaus ”en osaa sanoa” (koodi ${cantSay}) ja tyhjä vastaus eivät kuulu keskiarvoon. En osaa sanoa -osuus lasketaan kaikista kysymykseen vastanneista.`,
          'Osa-alueen arvo on vastaajan vastaamien väittämien keskiarvo, kun hän on vastannut vähintään puoleen osa-alueen väittämistä; indeksi on vastaavasti osiensa keskiarvo, kun vähintään puolet osista on saatavilla.',
          `Keskiarvot ja osuudet ovat painotettuja keskiarvoja. Niiden keskivirheet lasketaan ositetun otanta-asetelman linearisointimenetelmällä (sama kuin R:n survey-paketissa), ja 95 %:n luottamusväli on arvo ± 1,96 keskivirhettä. Myönteisten osuus on vastausten ${top} osuus.`,
          'Suositteluindeksi (NPS) on suosittelijoiden (9–10) osuus vähennettynä arvostelijoiden (0–6) osuudella, prosenttiyksikköinä.',
          'Muutos edellisestä tutkimuksesta ja ero vertailuarvoon testataan z-testillä; ero on tilastollisesti merkitsevä, kun p < 0,05. Sidosryhmää ei testata kaikkien vastaajien tulosta vastaan, koska ryhmä on osa kokonaisuutta. Laskennan pyöristystä pienempi ero (alle miljoonasosan miljoonasosa luvuista) on nolla, ja jos kummassakaan luvussa ei ole vaihtelua (keskivirhe on nolla), testiä ei tehdä eikä muutos ole merkitsevä.',
          'Osa-aluetta tai indeksiä verrataan edelliseen tutkimukseen vain, kun siihen kuuluvat samat väittämät molemmissa: jos väittämään ei ole yhtään kelvollista vastausta vain toisessa tutkimuksessa (koko aineistossa tai ryhmässä), sen osa-alueen ja indeksin muutosta ei näytetä.',
          `Avaintekijät: tunnusluku ”${outcome}” selitetään tekijöillä painotetulla regressiolla niiden vastaajien aineistossa, jotka ovat vastanneet kaikkiin, ja kunkin tekijän tärkeys on sen osuus selitysasteesta LMG-menetelmällä (keskiarvo kaikista tekijöiden järjestyksistä). Tekijä, joka ei vaihtele näiden vastaajien kesken tai joka on laskettavissa suoraan sitä edeltävistä tekijöistä, jätetään analyysista pois, ja sivulla kerrotaan siitä. Jako nelikenttään tehdään tärkeyksien ja arvioiden keskiarvojen kohdalta.`,
        ],
      },
      {
        heading: t(lang, 'ui.reportingBase'),
        paragraphs: [
          `Lukua ei näytetä, jos se perustuu alle ${s.minBase} vastaajaan; sen tilalla lukee ”n < ${s.minBase}”. Alle viiden vastaajan soluista ei julkaista mitään. Jos ryhmittelyssä piilotettaisiin vain yksi ryhmä, myös seuraavaksi pienimmän ryhmän luku piilotetaan, jottei piilotettua lukua voi päätellä kokonaistuloksesta.`,
          `Painotus voi saada luvun nojaamaan harvempaan vastaajaan kuin vastaajamäärä antaa ymmärtää. Siksi luku jätetään näyttämättä samalla merkinnällä myös, kun sen vastausten efektiivinen otoskoko (Kishin kaava) on alle ${s.minBase}, ja ryhmän, taustamuuttujan luokan tai kaikkien vastaajien kaikki luvut jätetään näyttämättä, jos yksi vastaaja kantaa yli puolet sen painosta. Avaintekijäanalyysiin tarvitaan vähintään ${s.minBase} kaikkiin sen kysymyksiin vastannutta, ja myös heidän efektiivisen otoskokonsa on oltava vähintään ${s.minBase}.`,
        ],
      },
    ];
  }
  return [
    {
      heading: t(lang, 'ui.weighting'),
      paragraphs: [
        'Each stakeholder group is a sample of its own (a stratified design). Answers are weighted by the weight variable so that results describe the population, not just the respondents. The effective sample size (Kish) says how large an unweighted sample the weighted data is worth; the design effect is the number of respondents over the effective sample size.',
        'The margin of error is half the 95% confidence interval of a 50% share at the effective sample size.',
      ],
    },
    {
      heading: t(lang, 'ui.formulas'),
      paragraphs: [
        `Statements are answered on a scale of ${scale}; "can't say" (code ${cantSay}) and blank answers are left out of means. The can't-say share is computed among everyone who answered the question.`,
        "An area's score is the mean of the statements a respondent answered, if they answered at least half of the area's statements; an index is likewise the mean of its parts when at least half of them are available.",
        `Means and shares are weighted means. Their standard errors come from Taylor linearisation for the stratified design (as in R's survey package), and the 95% confidence interval is the estimate ± 1.96 standard errors. The positive share is the share of answers ${top}.`,
        'The Net Promoter Score (NPS) is the share of promoters (9–10) minus the share of detractors (0–6), in percentage points.',
        'Changes from the previous edition and differences from the benchmark are tested with a z test; a difference is statistically significant when p < 0.05. A group is not tested against all respondents, as the group is part of the whole. A difference smaller than the rounding of the computation (under a millionth of a millionth of the figures) is zero, and where neither figure varies at all (a standard error of zero) no test is made and the change is not significant.',
        'An area or index is compared with the previous edition only when the same statements contribute to it in both: where a statement has no valid answer in one of the two editions only (in all the data or in a group), the change of its area and index is not shown.',
        `Key drivers: "${outcome}" is regressed on the factors by weighted least squares over the respondents who answered all of them, and each factor's importance is its share of the variance explained by the LMG method (the average over all orderings of the factors). A factor that does not vary among those respondents, or that follows exactly from the factors before it, is left out of the analysis, and the page says so. The quadrants are split at the mean importance and the mean performance.`,
      ],
    },
    {
      heading: t(lang, 'ui.reportingBase'),
      paragraphs: [
        `A figure resting on fewer than ${s.minBase} respondents is not shown; "n < ${s.minBase}" stands in its place. Nothing at all is published about cells of fewer than five respondents. Where only one group of a breakdown would be withheld, the next smallest group is withheld too, so that the withheld figure cannot be worked out from the total.`,
        `Weights can make a figure rest on fewer respondents than its n suggests. A figure is therefore also withheld, with the same mark, when the effective sample size of its answers (Kish) is below ${s.minBase}, and every figure of a group, a background class or all respondents is withheld when one respondent carries more than half of its weight. The key-driver analysis needs at least ${s.minBase} respondents who answered all its questions, with an effective sample size of at least ${s.minBase} as well.`,
      ],
    },
  ];
}
