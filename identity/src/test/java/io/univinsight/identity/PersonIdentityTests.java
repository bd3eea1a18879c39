package io.univinsight.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonIdentityTests {
    @Test
    void anEmailIsTheKeyWhenThereIsOneAndTheNameKeyOtherwise() {
        assertEquals("e:mjkim@u.ac.kr", PersonIdentity.key(" MJKim@U.ac.kr ", "Kim Min-jun"));
        assertEquals("n:" + NameKeys.personKey("Kim Min-jun"), PersonIdentity.key("  ", "Kim Min-jun"));
        assertNull(PersonIdentity.emailKey(null));
    }

    @Test
    void aRefLeadsBackToTheKeyOfTheProfessorItNames() {
        String withEmail = PersonIdentity.ref("A.Lee@Uni.edu", "Alice Lee");
        assertEquals("a.lee@uni.edu", withEmail);
        assertEquals(PersonIdentity.key("A.Lee@Uni.edu", "Alice Lee"), PersonIdentity.refKey(withEmail));
        String byName = PersonIdentity.ref(null, "Prof. Alice Lee");
        assertEquals(PersonIdentity.key(null, "Lee, Alice"), PersonIdentity.refKey(byName));
    }

    @Test
    void differentMailboxesAreDifferentPeopleEvenWithOneName() {
        RecordIdentity first = PersonIdentity.identity("jkim1@u.edu", "J. Kim");
        assertFalse(first.matches(PersonIdentity.identity("jkim2@u.edu", "J. Kim")));
        assertTrue(first.matches(PersonIdentity.identity(null, "Kim J.")), "no second email: the names decide");
        assertTrue(first.matches(PersonIdentity.identity("JKIM1@u.edu", "Jae Kim")), "one mailbox: one person");
        assertFalse(PersonIdentity.identity(null, "").matches(PersonIdentity.identity(null, "")), "no name, no match");
    }
}
