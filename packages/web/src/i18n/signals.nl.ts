/** Signals, in plain Dutch (B1). Plainly Gezinsplan's own signal, not a Verwijsindex match. */
export const signalsNl = {
  title: 'Signalen',
  intro: 'Dit is een signaal van Gezinsplan zelf. Het is geen melding in de Verwijsindex. Een andere organisatie werkt ook met een kind uit een gezin waarvoor u regievoerder bent. U ziet alleen hoe u de regievoerder daar bereikt, niets uit hun dossier. Neem contact op en spreek samen af wie wat doet.',
  heading: 'Een andere organisatie werkt ook met een kind uit dit gezin', badge: 'Signaal van Gezinsplan',
  contact: 'Neem contact op met {{name}} ({{organisation}}).', email: 'E-mail', phone: 'Telefoon', noContact: 'De andere organisatie heeft op dit moment geen regievoerder.',
  propose: 'Eén team voorstellen', proposeHint: 'Dan vraagt u de andere regievoerder om in uw team rond dit gezin te komen.',
  accept: 'Ja, ik kom in hun team', decline: 'Vastleggen waarom niet',
  proposedByMe: 'U heeft voorgesteld om samen één team te vormen. U wacht op antwoord.',
  proposedByOther: '{{name}} vraagt of u in het team van de andere organisatie wilt komen. Dan werkt u samen in één team.',
  reason: 'Waarom is één team niet nodig?', reasonHint: 'Schrijf niets over het gezin zelf. Bijvoorbeeld: "We hebben gebeld en de taken verdeeld."',
  reasonRequired: 'Schrijf op waarom één team niet nodig is.', saveReason: 'Reden opslaan', cancel: 'Terug',
  proposed: 'Uw voorstel staat klaar voor de andere regievoerder.', joined: 'U zit nu samen in één team.', declined: 'De reden is vastgelegd. Het signaal is afgehandeld.',
  activeUntil: 'Gebeurt er niets meer, dan verdwijnt dit signaal op {{date}}.',
  notice: 'Er is een open signaal: een andere organisatie werkt ook met een kind uit dit gezin.', toMyWork: 'Bekijk het bij Mijn werk',
};
