// Builds the Chemistry directory in the browser from people.json, as many university sites do:
// a crawler that does not run scripts sees an empty list.
(function () {
  var list = document.getElementById('people-list');

  function line(tag, className, text) {
    var element = document.createElement(tag);
    element.className = className;
    element.textContent = text;
    return element;
  }

  function card(person) {
    var article = document.createElement('article');
    article.className = 'person-card';
    article.appendChild(line('h3', 'person-name', person.name));
    article.appendChild(line('p', 'person-title', person.title));
    if (person.research) {
      article.appendChild(line('p', 'person-research', 'Research: ' + person.research));
    }
    var contact = line('p', 'person-contact', '');
    var mail = document.createElement('a');
    mail.href = 'mailto:' + person.email;
    mail.textContent = person.email;
    contact.appendChild(mail);
    article.appendChild(contact);
    return article;
  }

  fetch('people.json')
    .then(function (response) { return response.json(); })
    .then(function (people) { people.forEach(function (p) { list.appendChild(card(p)); }); });
})();
