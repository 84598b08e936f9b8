"""Sixth BLIND set of WhatsApp opt-out / opt-in phrasings (Brazilian Portuguese).

Written 2026-12-06 by a helper who never saw the engine's rules nor earlier sets: the hard,
indirect round. Run once only; it is never read to tune the rules."""

from __future__ import annotations

__all__ = [
    "SIXTH_OPT_IN",
    "SIXTH_OPT_OUT",
]

# fmt: off
SIXTH_OPT_OUT: list[tuple[str, bool]] = [
    # Opt-outs: the client wants no more offers, promotions or reminders.
    (
        "Boa tarde. Essa linha foi transferida pra mim pela operadora, não conheço nenhuma Sueli. "
        "Não tenho interesse em nada de salão, obrigado",
        True,
    ),
    (
        "Fui transferida pelo trabalho pra Manaus e não tenho previsão de voltar. Fica sem "
        "sentido continuar recebendo as ofertas daí",
        True,
    ),
    (
        "Aqui é o Osvaldo, marido da Marlene. Ela partiu em agosto. Toda vez que chega 'sentimos "
        "sua falta, Marlene' eu desabo. Peço que não escrevam mais",
        True,
    ),
    (
        "Parabéns pela persistência, se tivesse prêmio de insistência vocês ganhavam fácil. Agora "
        "me deixem sossegada",
        True,
    ),
    (
        "Adoro ser acordada domingo com promoção de sobrancelha, vocês são demais 👏👏 só que não",
        True,
    ),
    (
        "Venho, por meio desta, manifestar oposição ao tratamento dos meus dados pessoais para "
        "fins de marketing direto, conforme a LGPD.",
        True,
    ),
    ("Se eu receber mais uma dessas, quem vai responder é meu advogado", True),
    ("Hey, I think you have the wrong number. Not interested, please stop texting me", True),
    ("Por favor, dejen de escribirme. No soy clienta de ustedes y ni vivo en Brasil", True),
    ("Mona, cansei das promo, pode me desconvidar dessa festa aí 💅", True),
    ("Arre égua, todo santo dia essa mensagem! Me tire daí, macho", True),
    ("Égua, mana, tá é muito essas propaganda. Quero mais não, tá?", True),
    ("eunaoquerorecebermaisnadadesalao obg", True),
    ("n qro + promo d vcs", True),
    (
        "é... alô? ah tá, é mensagem. então moça, aqui é a dona Cida, eu não enxergo direito e é "
        "meu neto que lê pra mim essas propaganda, ele falou pra pedir pra parar, então para tá "
        "bom, Deus abençoe",
        True,
    ),
    (
        "Bom dia! Vou explicar: minha filha casou em outubro, a gente fez tudo aí, cabelo, "
        "maquiagem, ficou lindo, agradeço demais. Só que eu mesma não sou de frequentar salão e "
        "agora não tenho mais evento nenhum, então essas ofertas acabam sendo desperdício comigo. "
        "Mas recomendo vocês pra todo mundo, viu!",
        True,
    ),
    ("Se eu responder alguma palavra específica isso para de chegar? Qual?", True),
    ("Contei: 14 mensagens de vocês esse mês. QUATORZE. Tô fora.", True),
    ("Não sou a pessoa que vocês acham. Nem sei onde fica esse salão, moro em outro estado", True),
    ("Nunca autorizei nada disso. Vocês compraram alguma base de dados com meu telefone?", True),
    ("Hoje em dia só corto na barbearia aqui da rua, salão não é mais comigo. Podem parar", True),
    (
        "Perdi o emprego e tô cortando todos os gastos. Receber promoção agora só me deixa mal, "
        "prefiro que parem",
        True,
    ),
    ("Fechei um plano mensal com outro espaço, então vou abrir mão das ofertas de vocês", True),
    ("Apaguei vocês da agenda e vocês continuam aparecendo aqui kkk desisto", True),
    ("Pode me dar baixa nesse cadastro de ofertas?", True),
    (
        "Prezados, esta linha é de uso exclusivo do escritório Almeida & Souza Advogados. "
        "Solicitamos que não sejam encaminhadas mensagens publicitárias a este número.",
        True,
    ),
    (
        "Vocês são umas fofas mas tô num detox digital, só quero receber o essencial. Promoção "
        "não entra kkk",
        True,
    ),
    ("Isso aqui é robô? Se for, anota aí: não quero mais. Se for gente, mesma coisa", True),
    (
        "Toda vez que o celular vibra eu acho que é o hospital dando notícia do meu pai e é "
        "promoção de vocês. Não dá, por favor",
        True,
    ),
    (
        "Tô de luto, perdi minha mãe semana passada. Não tenho cabeça pra isso, peço que me "
        "retirem dos envios",
        True,
    ),
    ("Finjam que nunca tiveram meu contato, tá bom?", True),
    ("unsubscribe", True),
    ("eu achei q ja tinha saido dessa lista, pq continua vindo??", True),
    (
        "Meu plano de internet é limitadinho e essas imagens pesadas de promoção comem meus "
        "dados. Dá pra não mandar mais?",
        True,
    ),
    (
        "Depois daquela queimadura no couro cabeludo eu não volto aí nem amarrada. Nem me mande "
        "oferta",
        True,
    ),
    (
        "Mudei de religião e agora não corto nem pinto mais o cabelo, então essas ofertas não são "
        "mais pra mim",
        True,
    ),
    (
        "Sou cuidadora da dona Helena, esse celular é dela. Ela está acamada e não sai mais de "
        "casa. Peço que não mandem mais promoções",
        True,
    ),
    ("Já respondi PARE umas cinco vezes. Vou ter que desenhar?", True),
    ("Guys, sério, enough. Nada mais de vocês aqui, ok?", True),
    ("Olha, não me leve a mal, mas prefiro seguir sem essas mensagens de vocês", True),
    # Near misses: stop/remove/list words, but no wish to stop the messages.
    ("Vou ter que desmarcar a manicure de hoje, minha filha acordou com febre", False),
    ("No meu horário de sábado pode tirar o corte e deixar só a coloração?", False),
    (
        "Da próxima vez, se começar a arder, pede pra moça parar na hora, tá? Da última fiquei "
        "com o couro cabeludo machucado",
        False,
    ),
    ("Não curti a cor, ficou alaranjada demais. Vocês refazem sem cobrar?", False),
    ("O Marcos ainda atende aí? Quero cortar com ele sábado de manhã", False),
    ("A promoção de pé e mão vale pro domingo também ou só dia de semana?", False),
    (
        "Chegou uma mensagem de vocês só com uns quadradinhos e símbolos estranhos, era alguma "
        "promoção?",
        False,
    ),
    ("Tem lista de espera pro dia 14/02? É o casamento da minha prima, quero entrar", False),
    (
        "Meu celular foi roubado, tô usando o número do meu marido provisoriamente. Podem falar "
        "comigo por aqui até eu recuperar o meu",
        False,
    ),
    (
        "Meu filho tá recebendo as confirmações no celular dele, ele não é cliente, eu que sou. "
        "Passa a mandar só pra mim?",
        False,
    ),
    (
        "Nunca mais faço luzes na vida, acabou com meu cabelo. Mas quero marcar uma hidratação "
        "pra tentar recuperar",
        False,
    ),
    ("Cansei do loiro, quero voltar pro castanho. Quanto sai?", False),
    ("Me tira da lista de espera, consegui encaixe na terça", False),
    ("Bloqueia toda terça às 9h pra mim, quero deixar a escova fixa", False),
    (
        "Por favor, não me liga, só manda mensagem, que eu trabalho em hospital e não posso "
        "atender",
        False,
    ),
]

SIXTH_OPT_IN: list[str] = [
    (
        "Oi! Faz tempo que pedi pra não mandar nada, mas agora quero ficar por dentro dos "
        "descontos de novo"
    ),
    "Voltei de Lisboa e tô morando aqui perto outra vez, pode me reincluir nas ofertas",
    "Liberado mandar as novidades pra mim de novo, viu",
    "Desfaz aquele meu pedido de sair da lista, por favor",
    "Quero assinar de novo as mensagens de vocês",
    "I'd like to receive your promotions again, please",
    "Quiero volver a recibir las ofertas del salón",
    "Mana, me arrependi de ter saído, me bota de volta aí nas promoção",
    (
        "Para fins de registro: a partir de hoje concordo em receber ofertas e campanhas do salão "
        "por WhatsApp."
    ),
    (
        "Eu pedi pra parar na época da mudança, mas agora já tô instalada no bairro. Pode voltar "
        "a mandar"
    ),
    (
        "Aquele PARAR que eu mandei foi sem querer, era pra outra conversa 😅 quero continuar "
        "recebendo"
    ),
    "Tô de volta! Ativa minhas notificações de promoção",
    "Quando fiz a transição capilar eu pedi pra sair das mensagens, agora quero voltar a receber",
    "quero receber promoçao d novo pfv",
    "Pode me mandar as ofertas outra vez? Meu marido mandou parar sem me perguntar kkk",
]
# fmt: on
