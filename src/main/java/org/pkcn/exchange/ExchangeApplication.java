package org.pkcn.exchange;

import org.pkcn.exchange.system.XmlDatatypes;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The approval service for the STZA–ZBRA technology exchange programme. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeApplication {

    public static void main(String[] args) {
        XmlDatatypes.useTheJdksOwn();
        SpringApplication.run(ExchangeApplication.class, args);
    }
}
