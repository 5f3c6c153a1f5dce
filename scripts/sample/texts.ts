/**
 * Open answers to "Why did you give this score?" for the fictional sample.
 * Some contain commas and double quotes (to exercise CSV quoting); a few
 * contact requests contain a made-up phone number or an e-mail address on a
 * reserved example domain, so that redaction of personal data can be tested.
 */

export const PROMOTER_REASONS = [
  'Toimiva palvelu ja kohtuullinen hinta.',
  'Sähkö on tullut aina luotettavasti, katkoja ei juuri ole ollut.',
  'Asiakaspalvelu vastasi nopeasti ja asia hoitui kerralla.',
  'Paikallinen yhtiö, joka panostaa uusiutuvaan energiaan.',
  'Hyvä kokemus monen vuoden ajalta.',
  'Selkeät laskut ja helppokäyttöinen sovellus.',
  'Myrskyn jälkeen viat korjattiin yllättävän nopeasti.',
  'Luotettava kumppani, yhteistyö toimii.',
  'Ystävällinen ja osaava henkilökunta.',
  'Olen ollut tyytyväinen, ei mitään valittamista.',
  'Kaukolämpö toimii ja hinta on pysynyt kohtuullisena.',
  'Vastuullinen toimija, joka huolehtii myös ympäristöstä.',
  'Yhteyshenkilömme tuntee meidän tarpeemme hyvin.',
  'Hyvä hinta-laatusuhde.',
  'Kaikki on toiminut niin kuin pitääkin.',
  'Verkkopalvelusta näkee kulutuksen helposti, se on "ihan huippu".',
];

export const PASSIVE_REASONS = [
  'Ihan ok, mutta hinta voisi olla edullisempi.',
  'Ei ole ollut ongelmia, mutta ei erityistä hehkutettavaakaan.',
  'Asiakaspalveluun on välillä vaikea saada yhteyttä.',
  'Peruspalvelu toimii.',
  'Sopimusehdot voisivat olla selkeämpiä.',
  'En tunne yhtiötä kovin hyvin.',
  'Sovellus toimii, mutta laskujen erittely on sekava.',
  'Hinnat nousivat, vaikka palvelu pysyi samana.',
  'Keskivertoa, vastaavia yhtiöitä on muitakin.',
  'Kohtuullinen, mutta tiedottaminen sähkökatkoista voisi olla parempaa.',
  'En ole juuri asioinut heidän kanssaan.',
  'Ympäristöasioista puhutaan paljon, mutta tekoja näkyy vähemmän.',
];

export const DETRACTOR_REASONS = [
  'Liian kallis.',
  'Hinnat nousivat rajusti ja perustelut jäivät epäselviksi.',
  'Asiakaspalveluun jonotin yli tunnin, eikä asia silti ratkennut.',
  'Laskutuksessa on ollut toistuvasti virheitä.',
  'Sähkökatkoista ei tiedotettu ajoissa.',
  'Tuntuu, että yhtiö ajattelee vain omaa etuaan.',
  'Sopimuksen vaihtaminen oli hankalaa, "joustavuus" on pelkkä mainoslause.',
  'Huono kokemus reklamaation käsittelystä.',
  'Johto saa isoja palkkioita, kun asiakkaat maksavat.',
  'En suosittele energiayhtiöitä ylipäätään kenellekään.',
  'Verkkopalvelu kaatuu usein, eikä sovellukseen pääse kirjautumaan.',
];

/** Answers that contain personal data which a public report must not show. */
export const CONTACT_REASONS = [
  'Laskussani on virhe, soittakaa 040 123 4567.',
  'Toivon yhteydenottoa: matti.meikalainen@example.com',
  'Kukaan ei ole vastannut reklamaatiooni. Soittakaa 050 765 4321, kiitos.',
  'Ottakaa yhteyttä sähköpostilla anna.esimerkki@example.org, niin kerron lisää.',
  'Mittarin lukema on väärin, soittakaa iltaisin +358 40 987 6543.',
  'Haluaisin tarjouksen yrityksellemme, yhteystiedot: t.virtanen@example.net, puh. 044 555 0101',
];
