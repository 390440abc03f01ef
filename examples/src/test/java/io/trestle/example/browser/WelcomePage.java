package io.trestle.example.browser;

import java.net.URI;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The page after signing in ({@code resources/welcome.html}). */
final class WelcomePage {

    private final WebDriver driver;

    private WelcomePage(WebDriver driver) {
        this.driver = driver;
    }

    /** Waits until the page shows who is signed in. */
    static WelcomePage expectSignedIn(WebDriver driver, String username) {
        new WebDriverWait(driver, LoginPage.WAIT)
                .withMessage(() -> "expected the welcome page for " + username + ", at " + driver.getCurrentUrl())
                .until(ExpectedConditions.textToBe(By.id("who"), "Signed in as " + username));
        return new WelcomePage(driver);
    }

    static void open(WebDriver driver, URI base) {
        driver.get(base.resolve("/welcome.html").toString());
    }

    String signedInText() {
        return driver.findElement(By.id("who")).getText();
    }

    WebElement signOutButton() {
        return driver.findElement(By.id("sign-out"));
    }

    LoginPage signOut() {
        signOutButton().click();
        new WebDriverWait(driver, LoginPage.WAIT).until(ExpectedConditions.urlContains("reason=signed-out"));
        return LoginPage.expect(driver);
    }
}
