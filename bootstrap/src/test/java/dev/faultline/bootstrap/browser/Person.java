package dev.faultline.bootstrap.browser;

import dev.faultline.application.account.port.in.CreateUser;
import dev.faultline.bootstrap.FaultlineApplication;
import dev.faultline.bootstrap.config.FaultlineConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

/** Someone with an account on the server under test, who signs in through the browser. */
public record Person(String email, String name, String password) {

    public static Person withAccountOn(DropwizardAppExtension<FaultlineConfiguration> app, String email,
            String name) {
        Person person = new Person(email, name, "correct horse battery staple");
        CreateUser.Outcome outcome = ((FaultlineApplication) app.getApplication()).faultline().account().createUser()
                .createUser(CreateUser.Command.of(person.email(), person.name(), person.password()));
        if (!(outcome instanceof CreateUser.Outcome.Created)) {
            throw new IllegalStateException("could not create " + email + ": " + outcome);
        }
        return person;
    }

    @Override
    public String toString() {
        return "Person[" + email + "]";
    }
}
