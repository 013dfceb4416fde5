import GoalStatCore

extension PersonModel {
    var domain: Person {
        Person(email: email, name: name, orgUnit: orgUnitCode, title: title)
    }

    func apply(_ person: Person) {
        email = person.email
        name = person.name
        orgUnitCode = person.orgUnit
        title = person.title
    }
}
